// "Need help now?": the selected country's emergency numbers at once (built in), then its
// helplines from notification-service's directory when that answers.
import { emergencyNumbers } from './emergency.js';
import { t } from './i18n.js';

let request = 0;
let lastLines = [];

function telLink(number) {
  const link = document.createElement('a');
  link.href = `tel:${number.replace(/[^0-9+]/g, '')}`;
  link.textContent = number;
  return link;
}

export function renderNumbers(container, numbers) {
  container.replaceChildren(...numbers.map((number) => telLink(number)));
}

export function renderLines(list, lines) {
  list.replaceChildren(...lines.map((line) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'service';
    name.textContent = `${line.service}: `;
    item.append(name, telLink(line.number));
    const details = [line.hours, line.cost].filter(Boolean).join(', ');
    if (details) {
      item.append(` (${details})`);
    }
    return item;
  }));
}

/** Emergency numbers from the directory when it has them, else the built-in ones. */
export function numbersFrom(helplines, country) {
  const listed = (helplines?.emergency ?? []).map((entry) => entry.number).filter(Boolean);
  return listed.length ? listed : emergencyNumbers(country);
}

export function currentLines() {
  return lastLines;
}

export async function showHelp(notificationBaseUrl, country, lang) {
  const mine = ++request;
  renderNumbers(document.getElementById('help-emergency-numbers'), emergencyNumbers(country));
  document.getElementById('help-lines').replaceChildren();
  document.getElementById('help-advice').textContent = '';
  lastLines = [];
  await loadLines(mine, notificationBaseUrl, country, lang, 0);
}

/** The most tries, and the longest pause between them, when the directory does not answer. */
const MAX_TRIES = 12;
const MAX_PAUSE_MS = 30000;

async function loadLines(mine, notificationBaseUrl, country, lang, attempt) {
  try {
    const response = await fetch(`${notificationBaseUrl}/api/helplines?country=${encodeURIComponent(country)}&lang=${encodeURIComponent(lang)}`,
      { signal: AbortSignal.timeout(5000), referrerPolicy: 'no-referrer' });
    if (mine !== request) {
      return;
    }
    if (!response.ok) {
      throw new Error(`directory answered ${response.status}`);
    }
    const helplines = await response.json();
    if (mine !== request) {
      return;
    }
    renderNumbers(document.getElementById('help-emergency-numbers'), numbersFrom(helplines, country));
    lastLines = helplines.lines ?? [];
    renderLines(document.getElementById('help-lines'), lastLines);
    document.getElementById('help-advice').textContent = helplines.advice ?? '';
  }
  catch {
    // The built-in emergency numbers stay on screen; that is what matters when the directory is
    // down. Ask again with a growing pause, so the talk-now lines appear once it is back.
    if (mine !== request) {
      return;
    }
    document.getElementById('help-advice').textContent = t('help.offline');
    if (attempt + 1 < MAX_TRIES) {
      const pause = Math.min(MAX_PAUSE_MS, 2000 * 2 ** attempt);
      setTimeout(() => {
        if (mine === request) {
          loadLines(mine, notificationBaseUrl, country, lang, attempt + 1);
        }
      }, pause);
    }
  }
}
