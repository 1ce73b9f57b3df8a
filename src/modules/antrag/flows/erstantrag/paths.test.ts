// The Erstantrag's paths as a table: which answers lead through which pages, in order (skip logic of every
// section). Together the rows reach every page of the flow, so a new page needs a row here.
import { describe, expect, it } from 'vitest';
import { visibleInstances, type Answers } from '../../../forms/index.js';
import { erstantragFlow } from './index.js';

const nothing = { statuses: ['keine'], housing: 'ohne', otherIncome: ['keine'], assets: ['keine'], insurance: 'keine', special: ['keine'] };
const person = ['name', 'geburtsdatum', 'anschrift', 'kontakt', 'situation'];
const tail = ['versicherung', 'konto', 'situationen', 'checkliste'];

const paths: [string, Answers, string[]][] = [
  ['nothing answered yet', {}, [...person, 'personen', 'wohnsituation', 'einnahmen', 'vermoegen-arten', 'orientierung', ...tail]],
  ['alone, no income, no housing costs, nothing special', nothing, [...person, 'personen', 'wohnsituation', 'einnahmen', 'vermoegen-arten', 'orientierung', ...tail]],
  [
    'pregnant employee renting, with a pension, a bank account, statutory insurance, special diet and a one-off need',
    { ...nothing, statuses: ['arbeit', 'schwanger'], housing: 'miete', otherIncome: ['rente'], assets: ['konto'], insurance: 'gesetzlich', special: ['ernaehrung', 'einmalig'] },
    [
      ...person,
      'schwangerschaft',
      'personen',
      'wohnsituation',
      'mietkosten',
      'warmwasser',
      'erwerb',
      'einnahmen',
      'einnahmen-betraege',
      'vermoegen-arten',
      'vermoegen-werte',
      'orientierung',
      'versicherung',
      'krankenkasse',
      'konto',
      'situationen',
      'ernaehrung',
      'einmalige-bedarfe',
      'checkliste',
    ],
  ],
  [
    'owner with a self-employed partner and a disabled child receiving maintenance, paying maintenance',
    {
      ...nothing,
      housing: 'eigentum',
      special: ['unterhaltspflicht'],
      members: [
        { id: 'p1', relation: 'partner', statuses: ['selbststaendig'], otherIncome: ['keine'] },
        { id: 'k1', relation: 'kind', statuses: ['schule', 'behinderung'], otherIncome: ['unterhalt'] },
      ],
    },
    [
      ...person,
      'personen',
      'person-name/p1',
      'person-beziehung/p1',
      'person-geburtsdatum/p1',
      'person-situation/p1',
      'person-name/k1',
      'person-beziehung/k1',
      'person-geburtsdatum/k1',
      'person-situation/k1',
      'person-behinderung/k1',
      'person-kindergeld/k1',
      'wohnsituation',
      'eigentumskosten',
      'warmwasser',
      'einnahmen',
      'person-erwerb/p1',
      'person-einnahmen/p1',
      'person-einnahmen/k1',
      'person-einnahmen-betraege/k1',
      'vermoegen-arten',
      'orientierung',
      'versicherung',
      'konto',
      'situationen',
      'unterhaltszahlung',
      'checkliste',
    ],
  ],
  [
    'disabled applicant with a pregnant partner, rent-free housing, family insurance, a move',
    { ...nothing, statuses: ['behinderung'], housing: 'kostenfrei', insurance: 'familie', special: ['umzug'], members: [{ id: 'p1', relation: 'partner', statuses: ['schwanger'], otherIncome: ['keine'] }] },
    [
      ...person,
      'behinderung',
      'personen',
      'person-name/p1',
      'person-beziehung/p1',
      'person-geburtsdatum/p1',
      'person-situation/p1',
      'person-schwangerschaft/p1',
      'wohnsituation',
      'einnahmen',
      'person-einnahmen/p1',
      'vermoegen-arten',
      'orientierung',
      'versicherung',
      'krankenkasse',
      'konto',
      'situationen',
      'checkliste',
    ],
  ],
];

const pagesOf = (answers: Answers) => visibleInstances(erstantragFlow, answers).map((i) => i.key);

describe('Erstantrag paths', () => {
  it.each(paths)('%s', (_name, answers, expected) => {
    expect(pagesOf(answers)).toEqual(expected);
  });

  it('reaches every page of the flow in at least one row', () => {
    const reached = new Set(paths.flatMap(([, answers]) => pagesOf(answers).map((key) => key.split('/')[0])));
    const declared = erstantragFlow.sections.flatMap((section) =>
      section.nodes.flatMap((node) => (node.kind === 'question' || node.kind === 'content' ? [node.id] : node.kind === 'group' ? [node.id, ...node.pages.map((p) => p.id)] : node.pages.map((p) => p.id))),
    );
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((id) => !reached.has(id))).toEqual([]);
  });
});
