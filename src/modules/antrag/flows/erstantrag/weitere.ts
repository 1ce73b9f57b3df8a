// Sections "Krankenversicherung", "Bankverbindung", "Besondere Situationen" and "Unterlagen".
import { checkboxes, iban, money, radio, text, textarea, type Section } from '../../../forms/index.js';
import { ChecklistPage } from '../../views/ChecklistPage.js';
import { has, INSURANCE, SPECIAL } from './answers.js';
import { berlinDate } from '#shared/time.js';

const K = 'antrag:flow';
const opt = (group: string, values: readonly string[]) => values.map((value) => ({ value, labelKey: `antrag:option.${group}.${value}` }));

export const krankenversicherungSection: Section = {
  id: 'krankenversicherung',
  titleKey: 'antrag:section.krankenversicherung',
  nodes: [
    { kind: 'question', id: 'versicherung', titleKey: `${K}.versicherung.title`, fields: [radio('insurance', `${K}.versicherung.title`, opt('insurance', INSURANCE))] },
    {
      kind: 'question',
      id: 'krankenkasse',
      titleKey: `${K}.krankenkasse.title`,
      when: (s) => ['gesetzlich', 'familie', 'privat'].includes(String(s.answers.insurance)),
      fields: [text('insurer', 'antrag:field.insurer', { max: 150 }), text('insuranceNumber', 'antrag:field.insuranceNumber', { optional: true, max: 30 })],
    },
  ],
};

export const bankSection: Section = {
  id: 'bank',
  titleKey: 'antrag:section.bank',
  nodes: [
    {
      kind: 'question',
      id: 'konto',
      titleKey: `${K}.konto.title`,
      introKey: `${K}.konto.intro`,
      fields: [text('accountHolder', 'antrag:field.accountHolder', { autocomplete: 'name', max: 150 }), iban('iban', 'antrag:field.iban')],
    },
  ],
};

export const besonderesSection: Section = {
  id: 'besonderes',
  titleKey: 'antrag:section.besonderes',
  nodes: [
    {
      kind: 'question',
      id: 'situationen',
      titleKey: `${K}.besonderes.title`,
      fields: [checkboxes('special', `${K}.besonderes.title`, opt('special', SPECIAL), { exclusive: 'keine' })],
    },
    {
      kind: 'question',
      id: 'unterhaltszahlung',
      titleKey: `${K}.unterhaltszahlung.title`,
      when: (s) => has(s.answers, 'special', 'unterhaltspflicht'),
      fields: [money('maintenancePaid', 'antrag:field.maintenancePaid')],
    },
    {
      kind: 'question',
      id: 'ernaehrung',
      titleKey: `${K}.ernaehrung.title`,
      when: (s) => has(s.answers, 'special', 'ernaehrung'),
      fields: [textarea('dietReason', 'antrag:field.dietReason', { max: 1000 })],
    },
    {
      kind: 'question',
      id: 'einmalige-bedarfe',
      titleKey: `${K}.einmalig.title`,
      when: (s) => has(s.answers, 'special', 'einmalig'),
      fields: [textarea('oneOffNeeds', 'antrag:field.oneOffNeeds', { max: 1000 })],
    },
  ],
};

export const unterlagenSection: Section = {
  id: 'unterlagen',
  titleKey: 'antrag:section.unterlagen',
  nodes: [{ kind: 'content', id: 'checkliste', titleKey: 'antrag:checklist.title', load: async (ctx) => berlinDate(ctx.now), component: ChecklistPage }],
};
