// Sections "Wohnung und Kosten", "Einkommen" and "Vermögen". Earnings are asked only of people
// who work; amounts only for the kinds of income and assets ticked before (skip logic).
import { checkboxes, money, radio, yesNo, type QuestionPage, type Section } from '../../../forms/index.js';
import { EstimatePage } from '../../views/EstimatePage.js';
import { loadEstimate } from '../../antrag.service.js';
import { ASSET_KINDS, assetField, has, HOUSING, INCOME_KINDS, incomeField, incomeKindsOf, isEarner, list, personOf } from './answers.js';

const K = 'antrag:flow';
const opt = (group: string, values: readonly string[]) => values.map((value) => ({ value, labelKey: `antrag:option.${group}.${value}` }));
const housingIs = (...values: string[]) => (s: { answers: Record<string, unknown> }) => values.includes(String(s.answers.housing));

/** Earnings and other income of one person: the applicant ('self') or each member ('member'). */
function incomePages(who: 'self' | 'member', prefix: string): QuestionPage[] {
  return [
    {
      kind: 'question',
      id: `${prefix}erwerb`,
      titleKey: `${K}.erwerb.${who}`,
      introKey: `${K}.erwerb.intro`,
      when: (s) => isEarner(personOf(s)),
      fields: [money('grossEarnings', 'antrag:field.grossEarnings'), money('netEarnings', 'antrag:field.netEarnings')],
      refine: (values) =>
        typeof values.netEarnings === 'number' && typeof values.grossEarnings === 'number' && values.netEarnings > values.grossEarnings
          ? [{ field: 'netEarnings', message: 'antrag:validation.netAboveGross' }]
          : [],
    },
    {
      kind: 'question',
      id: `${prefix}einnahmen`,
      titleKey: `${K}.einnahmen.${who}`,
      fields: [checkboxes('otherIncome', `${K}.einnahmen.${who}`, [...opt('income', INCOME_KINDS), { value: 'keine', labelKey: 'antrag:option.none' }], { exclusive: 'keine', hintKey: `${K}.einnahmen.hint` })],
    },
    {
      kind: 'question',
      id: `${prefix}einnahmen-betraege`,
      titleKey: `${K}.einnahmenBetraege.${who}`,
      when: (s) => incomeKindsOf(personOf(s)).length > 0,
      fields: INCOME_KINDS.map((kind) => money(incomeField(kind), `antrag:option.income.${kind}`, { when: (s) => has(personOf(s), 'otherIncome', kind) })),
    },
  ];
}

export const wohnungSection: Section = {
  id: 'wohnung',
  titleKey: 'antrag:section.wohnung',
  nodes: [
    { kind: 'question', id: 'wohnsituation', titleKey: `${K}.wohnsituation.title`, fields: [radio('housing', `${K}.wohnsituation.title`, opt('housing', HOUSING))] },
    {
      kind: 'question',
      id: 'mietkosten',
      titleKey: `${K}.mietkosten.title`,
      introKey: `${K}.mietkosten.intro`,
      when: housingIs('miete'),
      fields: [money('kaltmiete', 'antrag:field.kaltmiete'), money('nebenkosten', 'antrag:field.nebenkosten'), money('heizkosten', 'antrag:field.heizkosten')],
    },
    {
      kind: 'question',
      id: 'eigentumskosten',
      titleKey: `${K}.eigentumskosten.title`,
      introKey: `${K}.eigentumskosten.intro`,
      when: housingIs('eigentum'),
      fields: [money('schuldzinsen', 'antrag:field.schuldzinsen'), money('nebenkosten', 'antrag:field.nebenkosten'), money('heizkosten', 'antrag:field.heizkosten')],
    },
    {
      kind: 'question',
      id: 'warmwasser',
      titleKey: `${K}.warmwasser.title`,
      when: housingIs('miete', 'eigentum'),
      fields: [yesNo('hotWaterDecentral', `${K}.warmwasser.title`, { hintKey: `${K}.warmwasser.hint` })],
    },
  ],
};

export const einkommenSection: Section = {
  id: 'einkommen',
  titleKey: 'antrag:section.einkommen',
  nodes: [
    ...incomePages('self', ''),
    { kind: 'forEach', group: 'members', pages: incomePages('member', 'person-') },
  ],
};

export const vermoegenSection: Section = {
  id: 'vermoegen',
  titleKey: 'antrag:section.vermoegen',
  nodes: [
    {
      kind: 'question',
      id: 'vermoegen-arten',
      titleKey: `${K}.vermoegen.title`,
      fields: [checkboxes('assets', `${K}.vermoegen.title`, [...opt('asset', ASSET_KINDS), { value: 'keine', labelKey: 'antrag:option.none' }], { exclusive: 'keine', hintKey: `${K}.vermoegen.hint` })],
    },
    {
      kind: 'question',
      id: 'vermoegen-werte',
      titleKey: `${K}.vermoegenWerte.title`,
      introKey: `${K}.vermoegenWerte.intro`,
      when: (s) => list(s.answers, 'assets').some((a) => a !== 'keine'),
      fields: ASSET_KINDS.map((kind) => money(assetField(kind), `antrag:option.asset.${kind}`, { when: (s) => has(s.answers, 'assets', kind), hintKey: 'antrag:field.assetHint' })),
    },
    // After the assets, so that the estimate knows them.
    { kind: 'content', id: 'orientierung', titleKey: 'antrag:estimate.title', informational: true, load: loadEstimate, component: EstimatePage },
  ],
};
