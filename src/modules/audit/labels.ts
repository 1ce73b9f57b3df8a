// The reader's words for the log's technical ids: labels of actions, object types and link actors (locales/*/audit.json,
// one for every word a module declares; vocabulary.test.ts), and the filter's options built from them.
import type { Option } from '#shared/html/components.js';
import type { TFunction } from '#shared/i18n/index.js';

/** The label of an action, or undefined for an id no module declares (e.g. a row written by an older version). */
export const actionLabel = (t: TFunction, id: string): string | undefined => t(`audit:actions.${id}`, { defaultValue: '' }) || undefined;

/** The label of an object type, or undefined for an id no module declares. */
export const objectTypeLabel = (t: TFunction, id: string): string | undefined => t(`audit:objectTypes.${id}`, { defaultValue: '' }) || undefined;

/** Who wrote a row that has no staff member: the kind of personal link it came through (its "role"), if one is named. */
export const linkActorLabel = (t: TFunction, roles: readonly string[]): string | undefined =>
  roles.map((r) => t(`audit:actors.${r}`, { defaultValue: '' })).find(Boolean);

/** Options of a filter, by label in the page's language; a chosen id no module declares stays chosen, named by its id. */
export function labelledOptions(ids: readonly string[], label: (id: string) => string | undefined, lang: string, chosen: string | undefined): Option[] {
  const options = [...new Set(ids)].map((id) => ({ value: id, label: label(id) ?? id }));
  if (chosen && !options.some((o) => o.value === chosen)) options.push({ value: chosen, label: chosen });
  return options.sort((a, b) => a.label.localeCompare(b.label, lang));
}
