// Wires the page together: language and country, steps, submission, receipt and crisis panel.
// Answers live only in the page (never in browser storage).
import { COUNTRIES, OTHER_COUNTRY, emergencyNumbers, preferredCountry } from './emergency.js';
import { activeSteps, applyMentions, applySkipLogic, clearErrors, collect, errorKey, render, showError, stepOf, validateStep } from './form.js';
import { currentLines, numbersFrom, renderLines, renderNumbers, showHelp } from './help.js';
import { apply, language, load, preferredLanguage, t } from './i18n.js';

const DEFAULT_NOTIFICATION_BASE_URL = 'http://127.0.0.1:8082';

const state = {
  notificationBaseUrl: DEFAULT_NOTIFICATION_BASE_URL,
  country: 'GB',
  step: 'about',
  lastBody: null,
  idempotencyKey: null,
};

const $ = (id) => document.getElementById(id);

async function pageConfig() {
  try {
    const response = await fetch('/api/page-config');
    if (response.ok) {
      const config = await response.json();
      state.notificationBaseUrl = config.notificationBaseUrl || DEFAULT_NOTIFICATION_BASE_URL;
    }
  }
  catch {
    // keep the default: the page still works, the built-in emergency numbers still show
  }
}

function renderCountries() {
  const names = new Intl.DisplayNames([language()], { type: 'region' });
  const select = $('country-select');
  const options = COUNTRIES.map((code) => {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = code === OTHER_COUNTRY ? t('page.otherCountry') : names.of(code);
    return option;
  });
  select.replaceChildren(...options);
  select.value = state.country;
}

async function setLanguage(lang) {
  await load(lang);
  document.documentElement.lang = lang;
  $('lang-select').value = lang;
  apply();
  document.title = t('page.title');
  renderCountries();
  showProgress();
  showHelp(state.notificationBaseUrl, state.country, lang);
  showEmergencyNumbers();
}

// ---- steps ----

function showProgress() {
  const steps = activeSteps();
  const index = steps.indexOf(state.step);
  $('progress-text').textContent = t('nav.progress', { step: index + 1, total: steps.length, title: t(`${state.step}.stepName`) });
  $('progress-bar').max = steps.length;
  $('progress-bar').value = index + 1;
  $('btn-back').hidden = index === 0;
  $('btn-next').hidden = index === steps.length - 1;
  $('btn-submit').hidden = index !== steps.length - 1;
}

function goTo(step, focusTarget, focus = true) {
  document.querySelectorAll('.step').forEach((section) => {
    section.hidden = section.dataset.step !== step;
  });
  state.step = step;
  showProgress();
  if (!focus) {
    return;
  }
  const target = focusTarget ?? $(`step-${step}-title`);
  if (!target.hasAttribute('tabindex') && !target.matches('input, select, textarea, button')) {
    target.setAttribute('tabindex', '-1');
  }
  target.focus();
  target.scrollIntoView?.({ block: 'start' });
}

function focusFirstError(fields) {
  const input = fields[0].querySelector('input, select, textarea');
  (input ?? fields[0]).focus();
}

function next() {
  const errors = validateStep(state.step);
  if (errors.length) {
    focusFirstError(errors);
    return;
  }
  const steps = activeSteps();
  goTo(steps[steps.indexOf(state.step) + 1]);
}

function back() {
  const steps = activeSteps();
  goTo(steps[Math.max(0, steps.indexOf(state.step) - 1)]);
}

// ---- submission ----

function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function showSubmitError(key, vars = {}) {
  const banner = $('submit-error');
  banner.dataset.i18n = key;
  banner.dataset.i18nVars = JSON.stringify(vars);
  banner.textContent = t(key, vars);
  banner.hidden = false;
  banner.setAttribute('tabindex', '-1');
  banner.focus();
}

function showServerErrors(problem) {
  clearErrors();
  const fields = [];
  for (const error of problem?.errors ?? []) {
    const field = showError(error.field, errorKey(error));
    if (field) {
      fields.push(field);
    }
  }
  if (!fields.length) {
    showSubmitError('error.general');
    return;
  }
  const steps = activeSteps();
  const first = fields.sort((a, b) => steps.indexOf(stepOf(a)) - steps.indexOf(stepOf(b)))[0];
  showSubmitError('error.fields');
  goTo(stepOf(first), first.querySelector('input, select, textarea') ?? first);
}

async function submit() {
  const errors = activeSteps().flatMap((step) => validateStep(step).map((field) => ({ step, field })));
  if (errors.length) {
    goTo(errors[0].step, errors[0].field.querySelector('input, select, textarea') ?? errors[0].field);
    return;
  }
  const body = JSON.stringify(collect(language(), state.country));
  // The same answers keep their key, so a retry after a lost answer never makes a second case.
  if (body !== state.lastBody) {
    state.lastBody = body;
    state.idempotencyKey = newIdempotencyKey();
  }
  $('submit-error').hidden = true;
  $('btn-submit').disabled = true;
  $('btn-submit').setAttribute('aria-busy', 'true');
  let response;
  try {
    response = await fetch('/api/intakes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json',
        'Idempotency-Key': state.idempotencyKey },
      body,
    });
  }
  catch {
    showSubmitError('error.network');
    return;
  }
  finally {
    $('btn-submit').disabled = false;
    $('btn-submit').removeAttribute('aria-busy');
  }
  if (response.status === 202) {
    showReceipt(await response.json());
  }
  else if (response.status === 503 || response.status === 429) {
    showSubmitError('error.unavailable', { seconds: response.headers.get('Retry-After') ?? '5' });
  }
  else if (response.status === 413) {
    showSubmitError('error.tooLarge');
  }
  else {
    showServerErrors(await response.json().catch(() => null));
  }
}

// ---- receipt and outcome ----

function showReceipt(receipt) {
  const formElement = $('intake-form');
  formElement.reset(); // a shared computer should not keep the answers once they are safely sent
  state.lastBody = null;
  formElement.hidden = true;
  $('receipt-case-id').textContent = receipt.caseId;
  $('receipt').hidden = false;
  $('receipt').focus();
  if (receipt.crisis) {
    // intake's pre-screen read a crisis: show the help now, triage's outcome only adds to it
    showCrisis(null);
  }
  pollOutcome(receipt);
}

/** The built-in emergency numbers wherever the page repeats them (the safety notes). */
function showEmergencyNumbers() {
  document.querySelectorAll('[data-emergency-numbers]').forEach((element) => {
    renderNumbers(element, emergencyNumbers(state.country));
  });
}

function showCrisis(helplines) {
  const panel = $('crisis-panel');
  renderNumbers($('crisis-emergency-numbers'), numbersFrom(helplines, state.country));
  renderLines($('crisis-lines'), helplines?.lines?.length ? helplines.lines : currentLines());
  if (panel.hidden) {
    panel.hidden = false;
    panel.setAttribute('tabindex', '-1');
    panel.focus();
  }
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Asks notification-service how the case stands: 404 until it knows the case, then status and crisis. */
async function pollOutcome(receipt) {
  const started = Date.now();
  while (Date.now() - started < 15 * 60 * 1000) {
    try {
      const response = await fetch(receipt.links.outcome, {
        headers: { Authorization: `Bearer ${receipt.receiptToken}` }, cache: 'no-store', referrerPolicy: 'no-referrer',
      });
      if (response.ok) {
        const outcome = await response.json();
        $('receipt').dataset.status = outcome.status;
        if (outcome.crisis) {
          showCrisis(outcome.helplines);
        }
        if (outcome.status === 'NOTIFIED') {
          return;
        }
      }
    }
    catch {
      // notification-service not reachable yet: keep asking, the help strip is on screen meanwhile
    }
    const elapsed = Date.now() - started;
    // fast at first, so a crisis panel appears within about two seconds of triage deciding
    await sleep(elapsed < 20 * 1000 ? 500 : elapsed < 2 * 60 * 1000 ? 2000 : 5000);
  }
}

// ---- start ----

async function start() {
  render();
  await pageConfig();
  const lang = preferredLanguage();
  state.country = preferredCountry(lang);
  await setLanguage(lang);

  const formElement = $('intake-form');
  formElement.hidden = false;
  goTo('about', null, false);
  formElement.addEventListener('change', (event) => {
    if (event.target.matches('textarea')) {
      applyMentions();
    }
    applySkipLogic();
    showProgress();
  });
  formElement.addEventListener('submit', (event) => {
    event.preventDefault();
    // Enter in a field moves on; only the last step submits
    if ($('btn-submit').hidden) {
      next();
    }
    else {
      submit();
    }
  });
  $('btn-next').addEventListener('click', next);
  $('btn-back').addEventListener('click', back);
  $('lang-select').addEventListener('change', (event) => setLanguage(event.target.value));
  $('country-select').addEventListener('change', (event) => {
    state.country = event.target.value;
    showHelp(state.notificationBaseUrl, state.country, language());
    showEmergencyNumbers();
  });
  applySkipLogic();
  keepFocusClearOfHelpStrip();
  document.body.dataset.ready = 'true';
}

// The sticky help strip grows with the country's helplines (on a phone it can be taller than any
// fixed guess): scrolling to a focused heading keeps it below the strip's real height.
function keepFocusClearOfHelpStrip() {
  const strip = $('help-strip');
  const update = () => document.documentElement.style.setProperty('--help-strip-height', `${strip.offsetHeight}px`);
  new ResizeObserver(update).observe(strip);
  update();
}

start().catch(() => {
  // Even if the page cannot start, the emergency number stays on screen.
  renderNumbers($('help-emergency-numbers'), emergencyNumbers(state.country));
  document.body.dataset.ready = 'error';
});
