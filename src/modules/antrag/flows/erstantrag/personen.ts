// Sections "Persönliche Angaben" and "Haushalt": the applicant and every person living with them.
// The same questions are asked of each person; later sections adapt to the answers given here.
import { checkboxes, date, email, postalCode, radio, tel, text, yesNo, type QuestionPage, type Section } from '../../../forms/index.js';
import { displayName, has, members, PERSON_STATUSES, personOf, RELATIONS } from './answers.js';

const K = 'antrag:flow';
const opt = (group: string, values: readonly string[]) => values.map((value) => ({ value, labelKey: `antrag:option.${group}.${value}` }));

/** Situation, pregnancy and disability: asked of the applicant ('self') and of each member ('member'). */
function situationPages(who: 'self' | 'member', prefix: string): QuestionPage[] {
  return [
    {
      kind: 'question',
      id: `${prefix}situation`,
      titleKey: `${K}.situation.${who}`,
      fields: [checkboxes('statuses', `${K}.situation.${who}`, opt('status', PERSON_STATUSES), { exclusive: 'keine', hintKey: `${K}.situation.hint` })],
    },
    {
      kind: 'question',
      id: `${prefix}schwangerschaft`,
      titleKey: `${K}.schwangerschaft.${who}`,
      when: (s) => has(personOf(s), 'statuses', 'schwanger'),
      fields: [date('dueDate', `${K}.schwangerschaft.${who}`, { future: true, maxDaysAhead: 300, hintKey: `${K}.schwangerschaft.hint` })],
    },
    {
      kind: 'question',
      id: `${prefix}behinderung`,
      titleKey: `${K}.behinderung.${who}`,
      when: (s) => has(personOf(s), 'statuses', 'behinderung'),
      fields: [yesNo('participation', `${K}.behinderung.${who}`, { hintKey: `${K}.behinderung.hint` })],
    },
  ];
}

/** The applicant's name; every flow asks it first, under its own title. */
export const nameQuestion = (titleKey: string): QuestionPage => ({
  kind: 'question',
  id: 'name',
  titleKey,
  fields: [
    text('firstName', 'antrag:field.firstName', { autocomplete: 'given-name', max: 100 }),
    text('lastName', 'antrag:field.lastName', { autocomplete: 'family-name', max: 100 }),
  ],
});

/** The applicant's date of birth. */
export const birthDateQuestion: QuestionPage = {
  kind: 'question',
  id: 'geburtsdatum',
  titleKey: `${K}.geburtsdatum.self`,
  fields: [date('birthDate', `${K}.geburtsdatum.self`, { notFuture: true, minYear: 1900, autocompleteBirthday: true })],
};

export const personSection: Section = {
  id: 'person',
  titleKey: 'antrag:section.person',
  nodes: [
    nameQuestion(`${K}.name.title`),
    birthDateQuestion,
    {
      kind: 'question',
      id: 'anschrift',
      titleKey: `${K}.anschrift.title`,
      introKey: `${K}.anschrift.intro`,
      fields: [
        text('street', 'antrag:field.street', { autocomplete: 'street-address', max: 150 }),
        postalCode('postalCode', 'antrag:field.postalCode'),
        text('city', 'antrag:field.city', { autocomplete: 'address-level2', max: 100 }),
      ],
    },
    {
      kind: 'question',
      id: 'kontakt',
      titleKey: `${K}.kontakt.title`,
      introKey: `${K}.kontakt.intro`,
      fields: [email('email', 'antrag:field.email', { optional: true }), tel('phone', 'antrag:field.phone', { optional: true })],
    },
    ...situationPages('self', ''),
  ],
};

export const haushaltSection: Section = {
  id: 'haushalt',
  titleKey: 'antrag:section.haushalt',
  nodes: [
    {
      kind: 'group',
      id: 'personen',
      name: 'members',
      titleKey: `${K}.personen.title`,
      listTitleKey: `${K}.personen.list`,
      addFirstKey: `${K}.personen.addFirst`,
      addAnotherKey: `${K}.personen.addAnother`,
      introKey: `${K}.personen.intro`,
      max: 12,
      itemLabel: (item, index) => displayName(item) || `Person ${index + 2}`,
      pages: [
        {
          kind: 'question',
          id: 'person-name',
          titleKey: `${K}.personName.title`,
          fields: [text('firstName', 'antrag:field.firstName', { max: 100 }), text('lastName', 'antrag:field.lastName', { max: 100 })],
        },
        {
          kind: 'question',
          id: 'person-beziehung',
          titleKey: `${K}.beziehung.title`,
          fields: [radio('relation', `${K}.beziehung.title`, opt('relation', RELATIONS))],
          // The Bedarfsgemeinschaft has at most one partner (§ 7 Abs. 3 SGB II).
          refine: (values, scope) =>
            values.relation === 'partner' && members(scope.answers).some((m) => m.id !== scope.item?.id && m.relation === 'partner')
              ? [{ field: 'relation', message: 'antrag:validation.onePartner' }]
              : [],
        },
        {
          kind: 'question',
          id: 'person-geburtsdatum',
          titleKey: `${K}.geburtsdatum.member`,
          fields: [date('birthDate', `${K}.geburtsdatum.member`, { notFuture: true, minYear: 1900 })],
        },
        ...situationPages('member', 'person-'),
        {
          kind: 'question',
          id: 'person-kindergeld',
          titleKey: `${K}.kindergeld.title`,
          when: (s) => s.item?.relation === 'kind',
          fields: [yesNo('kindergeld', `${K}.kindergeld.title`)],
        },
      ],
    },
  ],
};
