// Online-Erstantrag SGB II (household-centred wizard with estimate and document checklist) and the
// Veränderungsmitteilung "Bankverbindung ändern", both as flows on the shared form-flow engine.
// Owns antrag_housing_limits; drafts and submissions live in the tables of the forms module.
import { formJobs, formsAuditVocabulary, registerFlow } from '../forms/index.js';
import type { WegweiserModule } from '#shared/module.js';
import { antragAuditVocabulary } from './audit-vocabulary.js';
import { registerAntragApi } from './antrag.api.js';
import { seedHousingLimits } from './antrag.service.js';
import { antragFlows } from './flows/index.js';
import { registerAntragStaffApi, registerAntragStaffRoutes } from './staff.routes.js';
import { listApplications } from './staff.service.js';

export const antragModule: WegweiserModule = {
  name: 'antrag',
  auditVocabularies: [antragAuditVocabulary, formsAuditVocabulary],
  permissions: { 'antrag.process': ['sachbearbeitung'] },
  staffNav: [{ path: '/staff/antraege', labelKey: 'antrag:staff.nav', permission: 'antrag.process', order: 40 }],
  dashboardWidgets: [
    {
      id: 'antrag-new',
      titleKey: 'antrag:staff.widgetTitle',
      permission: 'antrag.process',
      order: 25,
      load: async ({ tdb, t, base }) => {
        const count = (await listApplications(tdb, { status: 'eingegangen' })).length;
        return count > 0 ? [{ text: t('antrag:staff.widgetNew', { count }), href: `${base}/staff/antraege?status=eingegangen` }] : [];
      },
    },
  ],
  citizenServices: [
    { titleKey: 'antrag:service.title', descriptionKey: 'antrag:service.description', path: '/antrag' },
    { titleKey: 'antrag:bank.title', descriptionKey: 'antrag:bank.service', path: '/aenderung/bankverbindung' },
  ],
  async html(app, deps) {
    for (const flow of antragFlows) await registerFlow(app, deps, flow);
    await app.register((scope) => registerAntragStaffRoutes(scope, deps));
  },
  async api(app, deps) {
    registerAntragApi(app, deps);
    await app.register((scope) => registerAntragStaffApi(scope, deps));
  },
  async seedDemo(deps, tenant) {
    if (tenant.slug === 'neue-wege') await seedHousingLimits(deps, tenant);
  },
  jobs: formJobs(antragFlows),
};

export { antragFlows, bankverbindungFlow, erstantragFlow } from './flows/index.js';

// The estimate as a service of its own: used by the public Rechner and its API (module rechner, ADR 0160).
export { estimateHousehold, type HouseholdEstimate } from './antrag.service.js';
export { EstimateView, localeOf, presentEstimate, type PresentedEstimate } from './views/EstimateResult.js';
export { EstimateInputError, ImplausibleInputError, isMonth, NoRuleSetError, PLAUSIBLE_MAX_CENTS, selectRuleSet } from './rules/index.js';
export type { Education, EstimateInput, EstimateMember, MemberRole, OtherIncomeKind, Residence } from './rules/index.js';
