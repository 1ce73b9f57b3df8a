// How a typed name is compared with a stored one: German umlauts as typed without an umlaut key (ü → ue, ß → ss),
// accents and umlaut dots optional, case ignored. Used by the blind index (ADR 0300) and by searches in plain names.

const GERMAN_FOLDS: [RegExp, string][] = [
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
  [/ß/g, 'ss'],
];

/** Without accents and umlaut dots: "müller" → "muller", "josé" → "jose". */
const stripMarks = (word: string) => word.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');

/** NFKC and lower case: the text both sides of a comparison start from. */
export const lowerName = (text: string) => text.normalize('NFKC').toLocaleLowerCase('de-DE');

/** The spelling a typed (lower-case) word is searched by: umlauts as Germans type them without an umlaut key. */
export function searchForm(word: string): string {
  return stripMarks(GERMAN_FOLDS.reduce((w, [from, to]) => w.replace(from, to), word));
}

/**
 * The forms a stored (lower-case) name word is found by: the search form, and the word without its umlaut dots.
 * "Müller" is found by "müller", "mueller" and "muller"; "Mueller" only by "mueller" and "müller" (nothing says
 * its "ue" was an umlaut).
 */
export function storedForms(word: string): string[] {
  return [...new Set([searchForm(word), stripMarks(word.replace(/ß/g, 'ss'))])];
}

/** Whether a name contains what was typed, with the spellings above: "schroder" and "SCHROEDER" find "Schröder". */
export function nameContains(name: string, typed: string): boolean {
  const wanted = searchForm(lowerName(typed.trim()));
  return storedForms(lowerName(name)).some((form) => form.includes(wanted));
}
