// Emergency numbers are built into the page so that help is on screen even when
// notification-service (the helpline directory) cannot be reached.
export const COUNTRIES = ['GB', 'US', 'CA', 'ES', 'DE', 'FR', 'IT', 'CH', 'NL', 'AT', 'BE', 'DK', 'FI', 'IE', 'LU',
  'NO', 'PL', 'PT', 'SE', 'AU', 'NZ', 'ZZ'];

/** ZZ: the user-assigned code for "another country"; the directory answers with its international fallback. */
export const OTHER_COUNTRY = 'ZZ';

const NUMBERS = {
  GB: ['999', '112'],
  US: ['911'],
  CA: ['911'],
  CH: ['112', '144'],
  FR: ['112', '15'],
  IE: ['112', '999'],
  AU: ['000'],
  NZ: ['111'],
};

/** The country's emergency numbers; 112 works from most mobile phones elsewhere. */
export function emergencyNumbers(country) {
  return NUMBERS[country] ?? ['112'];
}

const DEFAULT_COUNTRY = { en: 'GB', es: 'ES', de: 'DE', fr: 'FR', it: 'IT' };

/** The country of the browser's locale (de-CH: CH) if the page knows it, else the language's usual one. */
export function preferredCountry(lang) {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const region = String(tag).split('-')[1];
    if (region && COUNTRIES.includes(region.toUpperCase()) && String(tag).toLowerCase().startsWith(lang)) {
      return region.toUpperCase();
    }
  }
  return DEFAULT_COUNTRY[lang] ?? 'GB';
}
