// A keyed blind index for names that are stored only encrypted: whole name words, normalised and hashed with a key
// of their own (derived from SECRET_KEY), so a table can be searched by name without ever holding the name in the
// clear (doc/adr/0300-blind-name-index-for-applications.md).
import { deriveKey, keyedHash } from './crypto.js';

const keys = new Map<string, Buffer>();

function indexKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = deriveKey(secret, 'wegweiser-blind-index', 'names-v1');
    keys.set(secret, key);
  }
  return key;
}

const GERMAN_FOLDS: [RegExp, string][] = [
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
  [/ß/g, 'ss'],
];

/** Without accents and umlaut dots: "müller" → "muller", "josé" → "jose". */
const stripMarks = (word: string) => word.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');

/** The words of a name: NFKC, lower case, split at anything that is not a letter or digit; words of one letter are dropped. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('de-DE')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => [...w].length >= 2);
}

/** The spelling a typed word is searched by: umlauts as Germans type them without an umlaut key (ü → ue, ß → ss). */
function searchForm(word: string): string {
  return stripMarks(GERMAN_FOLDS.reduce((w, [from, to]) => w.replace(from, to), word));
}

/**
 * The forms stored for a name word: the search form, and the word without its umlaut dots as a second form.
 * "Müller" is found by "müller", "mueller" and "muller"; "Mueller" only by "mueller" and "müller" (nothing says
 * its "ue" was an umlaut).
 */
function storedForms(word: string): string[] {
  return [...new Set([searchForm(word), stripMarks(word.replace(/ß/g, 'ss'))])];
}

const hash = (secret: string, scope: string, word: string) => keyedHash(indexKey(secret), [scope, word], 'base64url');

/** The index entries of some names, for one scope (a tenant): each word's stored forms, hashed; sorted, no duplicates. */
export function blindNameIndex(secret: string, scope: string, names: readonly string[]): string[] {
  const forms = new Set(names.flatMap(words).flatMap(storedForms));
  return [...forms].map((word) => hash(secret, scope, word)).sort();
}

/** What a typed search is looked up by: one hash per word, all of which a row's index must contain. */
export function blindNameQuery(secret: string, scope: string, text: string): string[] {
  return [...new Set(words(text).map(searchForm))].map((word) => hash(secret, scope, word));
}
