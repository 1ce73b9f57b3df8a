// Typed reading of the Erstantrag's answers; the flow definition, the estimate and the checklist
// all ask the answers the same questions through these helpers.
import { ageOn, type Answers, type Item, type Scope } from '../../../forms/index.js';
import { berlinDate } from '#shared/time.js';

export const PERSON_STATUSES = ['arbeit', 'selbststaendig', 'schule', 'ausbildung', 'studium', 'arbeitsuchend', 'schwanger', 'behinderung', 'keine'] as const;
export const RELATIONS = ['partner', 'kind', 'pflegekind', 'elternteil', 'geschwister', 'sonstige'] as const;
export const INCOME_KINDS = ['unterhalt', 'unterhaltsvorschuss', 'rente', 'alg1', 'krankengeld', 'elterngeld', 'wohngeld', 'kinderzuschlag', 'sonstiges'] as const;
export const ASSET_KINDS = ['konto', 'sparen', 'lebensversicherung', 'fahrzeug', 'immobilie', 'sonstiges'] as const;
export const HOUSING = ['miete', 'eigentum', 'kostenfrei', 'ohne'] as const;
export const INSURANCE = ['gesetzlich', 'familie', 'privat', 'keine'] as const;
export const SPECIAL = ['unterhaltspflicht', 'ernaehrung', 'umzug', 'einmalig', 'keine'] as const;

export type IncomeKind = (typeof INCOME_KINDS)[number];
export type AssetKind = (typeof ASSET_KINDS)[number];

export const incomeField = (kind: IncomeKind) => `income_${kind}`;
export const assetField = (kind: AssetKind) => `asset_${kind}`;

export function list(source: Record<string, unknown> | undefined, name: string): string[] {
  const value = source?.[name];
  return Array.isArray(value) ? value.map(String) : [];
}

export const has = (source: Record<string, unknown> | undefined, name: string, value: string) => list(source, name).includes(value);

export const isEarner = (person: Record<string, unknown> | undefined) => has(person, 'statuses', 'arbeit') || has(person, 'statuses', 'selbststaendig');
export const inEducation = (person: Record<string, unknown> | undefined) => ['schule', 'ausbildung', 'studium'].some((s) => has(person, 'statuses', s));

export function members(answers: Answers): Item[] {
  const value = answers.members;
  return Array.isArray(value) ? (value as Item[]) : [];
}

/** The person the scope is about: the item on member pages, the applicant (top-level answers) otherwise. */
export const personOf = (scope: Scope): Record<string, unknown> => scope.item ?? scope.answers;

export const incomeKindsOf = (person: Record<string, unknown>) => list(person, 'otherIncome').filter((k): k is IncomeKind => (INCOME_KINDS as readonly string[]).includes(k));

export function displayName(person: Record<string, unknown>): string {
  return [person.firstName, person.lastName].filter((v) => typeof v === 'string' && v).join(' ');
}

export const cents = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The applicant's name as staff lists show it: "Nachname, Vorname". */
export function listName(person: Record<string, unknown>): string | undefined {
  return [person.lastName, person.firstName].filter((v) => typeof v === 'string' && v).join(', ') || undefined;
}

/**
 * The names a caseworker may search an application by: the applicant's and those of the adult members of the
 * Bedarfsgemeinschaft (18 or older on the day of submission), who may call or write about it; children are not
 * indexed (doc/adr/0300).
 */
export function searchableNames(answers: Answers, submittedAt: Date): string[] {
  const day = berlinDate(submittedAt);
  const adults = members(answers).filter((m) => typeof m.birthDate === 'string' && ageOn(m.birthDate, day) >= 18);
  return [answers, ...adults].map(displayName).filter(Boolean);
}
