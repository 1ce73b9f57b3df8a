// Veränderungsmitteilung "Bankverbindung ändern": the second flow on the same engine, proving
// that a new online service is a new definition (a few pages, no task list), not new code.
import { date, defineFlow, email, iban, text, type QuestionPage } from '../../forms/index.js';
import { BankStartPage } from '../views/BankStartPage.js';
import { displayName, listName } from './erstantrag/answers.js';
import { birthDateQuestion, nameQuestion } from './erstantrag/personen.js';

const K = 'antrag:bank';
const BG_NUMMER = /^\d{5}BG\d{7}$/;

const bgNummer: QuestionPage = {
  kind: 'question',
  id: 'bg-nummer',
  titleKey: `${K}.bgNummer.title`,
  fields: [text('bgNummer', 'antrag:field.bgNummer', { hintKey: `${K}.bgNummer.hint`, max: 20 })],
  refine: (values) =>
    typeof values.bgNummer === 'string' && !BG_NUMMER.test(values.bgNummer.replace(/\s/g, '').toUpperCase())
      ? [{ field: 'bgNummer', message: 'antrag:validation.bgNummer' }]
      : [],
};

export const bankverbindungFlow = defineFlow({
  id: 'bankverbindung',
  basePath: '/aenderung/bankverbindung',
  titleKey: `${K}.title`,
  referencePrefix: 'VM',
  taskList: false,
  sections: [
    {
      id: 'person',
      titleKey: 'antrag:section.person',
      nodes: [
        nameQuestion(`${K}.name.title`),
        birthDateQuestion,
        bgNummer,
      ],
    },
    {
      id: 'konto',
      titleKey: 'antrag:section.bank',
      nodes: [
        {
          kind: 'question',
          id: 'neues-konto',
          titleKey: `${K}.konto.title`,
          fields: [text('accountHolder', 'antrag:field.accountHolder', { autocomplete: 'name', max: 150 }), iban('iban', 'antrag:field.iban')],
        },
        { kind: 'question', id: 'ab-wann', titleKey: `${K}.abWann.title`, fields: [date('validFrom', `${K}.abWann.title`, { maxDaysAhead: 365, minYear: 2020, hintKey: `${K}.abWann.hint` })] },
        { kind: 'question', id: 'kontakt', titleKey: `${K}.kontakt.title`, fields: [email('email', 'antrag:field.email', { optional: true, hintKey: `${K}.kontakt.hint` })] },
      ],
    },
  ],
  startPage: BankStartPage,
  declarationKey: `${K}.declaration`,
  contactEmail: (answers) => (typeof answers.email === 'string' ? answers.email : undefined),
  applicantBirthDate: (answers) => (typeof answers.birthDate === 'string' ? answers.birthDate : undefined),
  facets: () => ({ kind: 'bankverbindung' }),
  searchableNames: (answers) => [displayName(answers)].filter(Boolean),
  applicantName: listName,
});
