// A keyed blind index for names that are stored only encrypted: whole name words, normalised and hashed with a key
// of their own (derived from SECRET_KEY), so a table can be searched by name without ever holding the name in the
// clear (doc/adr/0300-blind-name-index-for-applications.md).
import { deriveKey, keyedHash } from './crypto.js';
import { lowerName, searchForm, storedForms } from './name-folding.js';

const keys = new Map<string, Buffer>();

function indexKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = deriveKey(secret, 'wegweiser-blind-index', 'names-v1');
    keys.set(secret, key);
  }
  return key;
}

/** The words of a name: NFKC, lower case, split at anything that is not a letter or digit; words of one letter are dropped. */
function words(text: string): string[] {
  return lowerName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => [...w].length >= 2);
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
