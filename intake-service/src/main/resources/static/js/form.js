// The form: renders the questionnaires, walks the steps with their skip logic, collects the
// intake JSON and shows field errors next to their fields.
import { INTERESTS, SCALES, TRIED, YES_NO } from './instruments.js';
import { t } from './i18n.js';
import { mentionedTopics } from './mentions.js';

const form = () => document.getElementById('intake-form');

/** DOM-safe form of a field path: questionnaires.phq9[8] -> questionnaires-phq9-8. */
export const slug = (path) => path.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9-]+/g, '-');

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  }
  children.forEach((child) => node.append(child));
  return node;
}

/** One question as a fieldset of radio buttons; native radios give arrow-key navigation for free. */
function radioQuestion(path, name, questionKey, number, options) {
  const id = slug(path);
  const errorId = `err-${id}`;
  const legend = element('legend', { id: `q-${id}` }, [
    element('span', { class: 'number' }, [number ? `${number}. ` : '']),
    element('span', { 'data-i18n': questionKey }),
  ]);
  const choices = options.map(({ value, labelKey }) => {
    const inputId = `${id}-v${value}`;
    return element('div', { class: 'choice' }, [
      element('input', { type: 'radio', id: inputId, name, value: String(value), 'aria-describedby': errorId,
        'data-testid': inputId }),
      element('label', { for: inputId, 'data-i18n': labelKey }),
    ]);
  });
  return element('fieldset', { class: 'item field', 'data-field': path, id: `field-${id}` },
    [legend, ...choices, element('p', { class: 'error', id: errorId, hidden: '' })]);
}

function renderScales() {
  for (const [name, scale] of Object.entries(SCALES)) {
    const container = form().querySelector(`[data-instrument="${name}"]`);
    for (let item = 0; item < scale.items; item++) {
      const options = scale.values.map((value) => ({ value, labelKey: scale.label(item, value) }));
      container.append(radioQuestion(`questionnaires.${name}[${item}]`, `${name}-${item}`, `${name}.q${item + 1}`,
        item + 1, options));
    }
  }
  for (const [name, group] of Object.entries(YES_NO)) {
    const container = form().querySelector(`[data-instrument="${name}"]`);
    group.items.forEach((item) => {
      const options = [{ value: 'true', labelKey: 'answer.yes' }, { value: 'false', labelKey: 'answer.no' }];
      container.append(radioQuestion(`${group.path}.${item}`, `${name}-${item}`, `${name}.${item}`, null, options));
    });
  }
}

function renderChecks(containerId, name, codes, labelPrefix) {
  const container = document.getElementById(containerId);
  codes.forEach((code) => {
    const id = `${name}-${code}`;
    container.append(element('div', { class: 'check' }, [
      element('input', { type: 'checkbox', id, name, value: code, 'data-testid': id }),
      element('label', { for: id, 'data-i18n': `${labelPrefix}.${code}` }),
    ]));
  });
}

export function render() {
  renderScales();
  renderChecks('treatment-tried', 'tried', TRIED, 'tried');
  renderChecks('treatment-interests', 'interest', INTERESTS, 'track');
}

// ---- reading answers ----

function radio(name) {
  const checked = form().querySelector(`input[name="${name}"]:checked`);
  return checked ? checked.value : null;
}

function checkedValues(name) {
  return [...form().querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
}

function text(id) {
  const value = document.getElementById(id).value.trim();
  return value === '' ? null : value;
}

function yesNo(group) {
  const { items, shownWhen } = YES_NO[group];
  const answers = {};
  items.forEach((item) => {
    const value = radio(`${group}-${item}`);
    answers[item] = value === null ? null : value === 'true';
  });
  // Skipped follow-ups are sent as not asked (null), never as a stale earlier answer.
  items.forEach((item) => {
    if (shownWhen[item] && !shownWhen[item](answers)) {
      answers[item] = null;
    }
  });
  return answers;
}

function scale(name) {
  return Array.from({ length: SCALES[name].items }, (_, item) => {
    const value = radio(`${name}-${item}`);
    return value === null ? null : Number(value);
  });
}

function relevant(topic) {
  const interests = checkedValues('interest');
  const chosen = checkedValues('relevance');
  switch (topic) {
    case 'substance': return chosen.includes('substance') || interests.includes('ADDICTION');
    case 'trauma': return chosen.includes('trauma');
    case 'attention': return chosen.includes('attention') || interests.includes('NEUROFEEDBACK');
    case 'tms': return interests.includes('TMS');
    default: return true;
  }
}

/** The body of POST /api/intakes, exactly as the public interface defines it. */
export function collect(locale, country) {
  const trials = document.getElementById('treatment-trials').value.trim();
  return {
    locale,
    country,
    patient: {
      name: text('patient-name'),
      email: text('patient-email'),
      phone: text('patient-phone'),
      dateOfBirth: text('patient-dob'),
      sex: text('patient-sex'),
      preferredContact: radio('patient.preferredContact'),
    },
    consent: {
      processing: document.getElementById('consent-processing').checked,
      contact: document.getElementById('consent-contact').checked,
    },
    questionnaires: {
      phq9: scale('phq9'),
      gad7: scale('gad7'),
      cssrs: yesNo('cssrs'),
      auditC: relevant('substance') ? scale('auditC') : null,
      dast10: relevant('substance') ? scale('dast10') : null,
      pcPtsd5: relevant('trauma') ? scale('pcPtsd5') : null,
      asrsA: relevant('attention') ? scale('asrsA') : null,
    },
    answers: {
      concerns: text('answers-concerns'),
      history: text('answers-history'),
      goals: text('answers-goals'),
    },
    treatment: {
      interests: checkedValues('interest'),
      antidepressantTrials: trials === '' ? null : Number(trials),
      tried: checkedValues('tried'),
      tmsSafety: relevant('tms') ? yesNo('tmsSafety') : null,
    },
  };
}

// ---- steps ----

const STEPS = ['about', 'phq9', 'gad7', 'cssrs', 'story', 'treatment', 'substance', 'trauma', 'attention', 'contact'];

/** The steps this patient sees, in order: the optional questionnaires only when relevant. */
export function activeSteps() {
  return STEPS.filter((step) => !['substance', 'trauma', 'attention'].includes(step) || relevant(step));
}

/** Shows or hides the follow-up questions whose condition changed. */
export function applySkipLogic() {
  for (const [group, { items, path, shownWhen }] of Object.entries(YES_NO)) {
    const answers = yesNo(group);
    items.forEach((item) => {
      if (shownWhen[item]) {
        document.getElementById(`field-${slug(`${path}.${item}`)}`).hidden = !shownWhen[item](answers);
      }
    });
  }
  document.getElementById('tms-safety').hidden = !relevant('tms');
  // Help on screen right away, next to the answer; whether it is a crisis is triage's decision.
  const cssrs = yesNo('cssrs');
  document.getElementById('safety-note-phq9').hidden = !(scale('phq9')[8] > 0);
  document.getElementById('safety-note-cssrs').hidden = !(cssrs.wishDead || cssrs.suicidalThoughts || cssrs.behavior);
}

const autoTicked = new Set();

/**
 * Pre-ticks the optional questionnaires the free text mentions (alcohol, a trauma, ADHD), once
 * per topic, so a patient who unticks one is not overruled.
 */
export function applyMentions() {
  const topics = mentionedTopics(text('answers-concerns'), text('answers-history'), text('answers-goals'));
  for (const topic of topics) {
    if (!autoTicked.has(topic)) {
      autoTicked.add(topic);
      document.getElementById(`relevance-${topic}`).checked = true;
    }
  }
  document.getElementById('relevance-auto').hidden = autoTicked.size === 0;
}

export function stepOf(node) {
  return node.closest('.step')?.dataset.step;
}

// ---- validation and errors ----

/** Hidden by skip logic (not merely on another step): such a question is not asked. */
const skipped = (node) => node.closest('[hidden]:not(.step)') !== null;

function container(path) {
  const exact = form().querySelector(`[data-field="${CSS.escape(path)}"]`);
  if (exact) {
    return exact;
  }
  // a whole list (questionnaires.phq9): point at its first item
  return form().querySelector(`[data-field^="${CSS.escape(path)}["]`);
}

export function showError(path, key) {
  const field = container(path);
  if (!field || skipped(field)) {
    return null;
  }
  const error = field.querySelector('.error');
  error.dataset.i18n = `error.${key}`;
  error.textContent = t(`error.${key}`);
  error.hidden = false;
  field.classList.add('invalid');
  field.querySelectorAll('input, select, textarea').forEach((input) => input.setAttribute('aria-invalid', 'true'));
  return field;
}

export function clearErrors(root = form()) {
  root.querySelectorAll('.error').forEach((error) => {
    error.hidden = true;
    error.textContent = '';
    delete error.dataset.i18n;
  });
  root.querySelectorAll('.invalid').forEach((field) => field.classList.remove('invalid'));
  root.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

const PHONE = /^\+?[0-9 ()./-]{3,40}$/;

/** Client-side checks of one step, mirroring the server's; returns the fields in error. */
export function validateStep(step) {
  const section = document.getElementById(`step-${step}`);
  clearErrors(section);
  const errors = [];
  const fail = (path, key) => {
    const field = showError(path, key);
    if (field) {
      errors.push(field);
    }
  };
  // every visible single-choice question must be answered
  section.querySelectorAll('fieldset.item').forEach((fieldset) => {
    if (!skipped(fieldset) && !fieldset.querySelector('input:checked')) {
      fail(fieldset.dataset.field, 'required');
    }
  });
  if (step === 'about') {
    if (!text('patient-name')) {
      fail('patient.name', 'required');
    }
    const dob = text('patient-dob');
    if (dob && !(new Date(dob) < new Date())) {
      fail('patient.dateOfBirth', 'past');
    }
    if (!document.getElementById('consent-processing').checked) {
      fail('consent.processing', 'consent');
    }
  }
  if (step === 'treatment') {
    const trials = document.getElementById('treatment-trials');
    const value = trials.value.trim();
    if (!trials.validity.valid || (value !== '' && !(Number.isInteger(Number(value)) && Number(value) >= 0 && Number(value) <= 30))) {
      fail('treatment.antidepressantTrials', 'range');
    }
  }
  if (step === 'contact') {
    const email = document.getElementById('patient-email');
    const phone = text('patient-phone');
    const preferred = radio('patient.preferredContact');
    if (!email.validity.valid) {
      fail('patient.email', 'email');
    }
    else if (preferred === 'email' && !text('patient-email')) {
      fail('patient.email', 'required');
    }
    if (phone && !PHONE.test(phone)) {
      fail('patient.phone', 'phone');
    }
    else if (preferred === 'phone' && !phone) {
      fail('patient.phone', 'required');
    }
  }
  return errors;
}

/** Server constraint names to message keys (the page shows its own translation, not the English reason). */
export function errorKey(error) {
  if (error.field === 'patient.email') {
    return 'email';
  }
  if (error.field === 'patient.phone') {
    return 'phone';
  }
  switch (error.code) {
    case 'NotNull': case 'NotBlank': case 'NotEmpty': case 'HasText': return 'required';
    case 'Min': case 'Max': return 'range';
    case 'Size': return 'size';
    case 'Email': return 'email';
    case 'Past': return 'past';
    case 'AssertTrue': return 'consent';
    default: return 'invalid';
  }
}
