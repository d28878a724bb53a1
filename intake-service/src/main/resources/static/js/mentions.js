// Words in the free text that make an optional questionnaire relevant, in the five languages.
// A mention only pre-ticks the matching "Does any of this apply to you?" box; the patient can
// untick it. (Crisis language is triage's job, on the server, never decided here.)
const fold = (text) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

const TOPICS = {
  substance: /\b(alcohol\w*|alcool\w*|alcol\w*|alkohol\w*|drink\w*|drunk\w*|booze|drug\w*|drog\w*|cannabis|weed|marihuana|marijuana|kiffen|porros?|cocain\w*|kokain\w*|heroin\w*|eroina|meth|opioid\w*|opiac\w*|opiat\w*|addict\w*|adiccion\w*|sucht\w*|suchtig\w*|dipendenz\w*|dependance\w*|borrach\w*|betrunken|ubriac\w*|ivre|beber|bebo|trinke\w*|boire|bois|bere|bevo)\b/u,
  trauma: /\b(trauma\w*|ptsd|tept|ptbs|abus\w*|assault\w*|rape\w*|raped|violacion\w*|vergewaltig\w*|viol|stupr\w*|violen\w*|gewalt\w*|missbrauch\w*|agresion\w*|agression\w*|aggression\w*|ubergriff\w*|guerra|guerre|krieg\w*|accident\w*|unfall\w*|incidente|flashback\w*|nightmare\w*|pesadilla\w*|albtraum\w*|alptraum\w*|cauchemar\w*|incubi|incubo)\b/u,
  attention: /\b(adhd|adhs|tdah|hyperactiv\w*|hyperaktiv\w*|hiperactiv\w*|iperattiv\w*|attention deficit|deficit de atencion|aufmerksamkeitsdefizit\w*|deficit de l'attention|deficit di attenzione)\b/u,
};

/** The topics (substance, trauma, attention) that the texts mention. */
export function mentionedTopics(...texts) {
  const folded = fold(texts.filter(Boolean).join('\n'));
  return Object.entries(TOPICS).filter(([, pattern]) => pattern.test(folded)).map(([topic]) => topic);
}
