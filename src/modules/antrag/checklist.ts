// The documents an Erstantrag needs, derived from the answers (doc/domain/mitwirkung-und-unterlagen.md). Every item says
// why it is needed and, where it concerns certain people, whose it is. Pure; unit-tested.
import { ageOn, type Answers } from '../forms/index.js';
import { displayName, has, incomeKindsOf, inEducation, isEarner, members, type IncomeKind } from './flows/erstantrag/answers.js';

export interface ChecklistItem {
  /** i18n: antrag:checklist.items.<id>.title / .why */
  id: string;
  /** the people it concerns, when not the whole household */
  names?: string[];
}

interface Person {
  name: string;
  data: Record<string, unknown>;
  relation: string;
}

const INCOME_NOTICES: IncomeKind[] = ['unterhalt', 'unterhaltsvorschuss', 'wohngeld', 'kinderzuschlag', 'rente', 'alg1', 'krankengeld', 'elterngeld'];

export function deriveChecklist(answers: Answers, today: string): ChecklistItem[] {
  const people: Person[] = [
    { name: displayName(answers) || '–', data: answers, relation: 'self' },
    ...members(answers).map((m) => ({ name: displayName(m) || '–', data: m as Record<string, unknown>, relation: String(m.relation ?? '') })),
  ];
  const age = (p: Person) => (typeof p.data.birthDate === 'string' ? ageOn(p.data.birthDate, today) : undefined);
  const names = (filter: (p: Person) => boolean) => people.filter(filter).map((p) => p.name);
  const items: ChecklistItem[] = [];
  const add = (id: string, who?: string[]) => {
    if (who && who.length === 0) return;
    items.push(who ? { id, names: who } : { id });
  };

  add('ausweis', names((p) => (age(p) ?? 18) >= 18));
  add('meldebescheinigung');
  if (answers.housing === 'miete') {
    add('mietvertrag');
    add('nebenkostenabrechnung');
  }
  if (answers.housing === 'eigentum') {
    add('eigentum');
    add('nebenkostenabrechnung');
  }
  add('kontoauszuege');
  add('lohnabrechnungen', names((p) => isEarner(p.data) && has(p.data, 'statuses', 'arbeit')));
  add('selbststaendigkeit', names((p) => has(p.data, 'statuses', 'selbststaendig')));
  if (people.some((p) => p.relation === 'kind' && p.data.kindergeld === 'ja')) add('kindergeld');
  for (const kind of INCOME_NOTICES) add(`bescheid_${kind}`, names((p) => incomeKindsOf(p.data).includes(kind)));
  if (['sparen', 'lebensversicherung', 'sonstiges'].some((k) => has(answers, 'assets', k))) add('vermoegen');
  if (has(answers, 'assets', 'fahrzeug')) add('fahrzeug');
  if (has(answers, 'assets', 'immobilie')) add('immobilie');
  add('schulbescheinigung', names((p) => inEducation(p.data) && (age(p) ?? 0) >= 15));
  add('mutterpass', names((p) => has(p.data, 'statuses', 'schwanger')));
  add('behinderung', names((p) => has(p.data, 'statuses', 'behinderung')));
  if (answers.insurance === 'privat') add('privateVersicherung');
  if (has(answers, 'special', 'unterhaltspflicht')) add('unterhaltstitel');
  if (has(answers, 'special', 'ernaehrung')) add('ernaehrung');
  return items;
}
