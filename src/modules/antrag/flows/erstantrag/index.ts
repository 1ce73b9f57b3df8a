// The Online-Erstantrag SGB II as one flow definition: ten sections around the household.
import { defineFlow } from '../../../forms/index.js';
import { ConfirmationNext } from '../../views/ConfirmationNext.js';
import { StartPage } from '../../views/StartPage.js';
import { isEarner, listName, members, searchableNames } from './answers.js';
import { einkommenSection, vermoegenSection, wohnungSection } from './finanzen.js';
import { haushaltSection, personSection } from './personen.js';
import { bankSection, besonderesSection, krankenversicherungSection, unterlagenSection } from './weitere.js';

export const erstantragFlow = defineFlow({
  id: 'erstantrag',
  basePath: '/antrag',
  titleKey: 'antrag:title',
  referencePrefix: 'EA',
  taskList: true,
  sections: [
    personSection,
    haushaltSection,
    wohnungSection,
    einkommenSection,
    vermoegenSection,
    krankenversicherungSection,
    bankSection,
    besonderesSection,
    unterlagenSection,
  ],
  startPage: StartPage,
  declarationKey: 'antrag:declaration',
  confirmationExtra: ConfirmationNext,
  contactEmail: (answers) => (typeof answers.email === 'string' ? answers.email : undefined),
  applicantBirthDate: (answers) => (typeof answers.birthDate === 'string' ? answers.birthDate : undefined),
  facets: (answers) => {
    const all = members(answers);
    return {
      householdSize: all.length + 1,
      children: all.filter((m) => m.relation === 'kind').length,
      housing: typeof answers.housing === 'string' ? answers.housing : 'unbekannt',
      earnings: isEarner(answers) || all.some((m) => isEarner(m)),
    };
  },
  searchableNames,
  applicantName: listName,
});
