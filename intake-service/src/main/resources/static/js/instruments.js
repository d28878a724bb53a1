// The questionnaires: how many items, which answers, and where each goes in the intake JSON.
// Wording lives in the message files (keys <instrument>.q<n>), answer labels too.

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Items whose answers are numbers, sent as an array (questionnaires.<name>[i]). */
export const SCALES = {
  phq9: { items: 9, values: range(0, 3), label: (item, value) => `scale.freq.${value}` },
  gad7: { items: 7, values: range(0, 3), label: (item, value) => `scale.freq.${value}` },
  auditC: { items: 3, values: range(0, 4), label: (item, value) => `auditC.q${item + 1}.a${value}` },
  dast10: { items: 10, values: [1, 0], label: (item, value) => (value ? 'answer.yes' : 'answer.no') },
  pcPtsd5: { items: 5, values: [1, 0], label: (item, value) => (value ? 'answer.yes' : 'answer.no') },
  asrsA: { items: 6, values: range(0, 4), label: (item, value) => `scale.often.${value}` },
};

/**
 * Yes/no questions sent as booleans. C-SSRS screener skip logic: Q3-Q5 (method, intent, plan)
 * only after a yes to Q2, and the three-months follow-up only after a yes to Q6.
 */
export const YES_NO = {
  cssrs: {
    path: 'questionnaires.cssrs',
    items: ['wishDead', 'suicidalThoughts', 'method', 'intent', 'plan', 'behavior', 'behaviorWithin3Months'],
    shownWhen: {
      method: (answers) => answers.suicidalThoughts === true,
      intent: (answers) => answers.suicidalThoughts === true,
      plan: (answers) => answers.suicidalThoughts === true,
      behaviorWithin3Months: (answers) => answers.behavior === true,
    },
  },
  tmsSafety: {
    path: 'treatment.tmsSafety',
    items: ['metalInHead', 'implantedDevice', 'seizures', 'pregnant'],
    shownWhen: {},
  },
};

/** What a patient may already have tried (sent as codes in treatment.tried). */
export const TRIED = ['CBT', 'PSYCHOTHERAPY', 'ANTIDEPRESSANTS', 'OTHER_MEDICATION', 'TMS', 'ECT', 'MINDFULNESS',
  'NEUROFEEDBACK', 'ADDICTION_TREATMENT'];

/** Treatment tracks a patient can ask about (treatment.interests). */
export const INTERESTS = ['TMS', 'CBT', 'MBSR', 'NEUROFEEDBACK', 'ADDICTION', 'PSYCHIATRY', 'GENERAL_ASSESSMENT'];
