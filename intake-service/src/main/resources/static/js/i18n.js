// Message files per language (/i18n/<lang>.json): a clinic can replace the question wording with
// the official validated wording it is licensed to use without touching any code.
export const LANGUAGES = ['en', 'es', 'de', 'fr', 'it'];

let messages = {};
let fallback = {};
let current = 'en';

async function fetchMessages(lang) {
  const response = await fetch(`/i18n/${lang}.json`, { cache: 'no-cache' });
  if (!response.ok) {
    throw new Error(`messages for ${lang}: ${response.status}`);
  }
  return response.json();
}

export async function load(lang) {
  if (!Object.keys(fallback).length) {
    fallback = await fetchMessages('en');
  }
  messages = lang === 'en' ? fallback : await fetchMessages(lang);
  current = lang;
}

export function language() {
  return current;
}

/** The text of a key in the current language (English if missing), with {name} placeholders filled. */
export function t(key, vars = {}) {
  const text = messages[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/** Translates every element under root that names its key in data-i18n (text) or data-i18n-<attr>. */
export function apply(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n, element.dataset.i18nVars ? JSON.parse(element.dataset.i18nVars) : {});
  });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  });
}

/** The first of the browser's preferred languages that the page speaks. */
export function preferredLanguage() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = String(tag).slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(lang)) {
      return lang;
    }
  }
  return 'en';
}
