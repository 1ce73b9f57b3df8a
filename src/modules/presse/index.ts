// Presse: the newsroom (press releases with running numbers per year, embargo, four-eyes approval, feeds, press
// list) and the labour-market figures (import, chart and table, monthly draft release). Owns the presse_* tables.
import type { WegweiserModule } from '#shared/module.js';
import { presseAuditVocabulary } from './audit-vocabulary.js';
import { seedPresse } from './demo.js';
import { districtSnapshot, monthName, type DistrictSnapshot } from './figures.service.js';
import { count, rate } from './format.js';
import { registerFeedRoutes } from './feeds.js';
import { registerFiguresRoutes } from './figures.routes.js';
import { registerMediaRoutes } from './media.routes.js';
import { registerPresseApi } from './presse.api.js';
import { registerPressListRoutes } from './presslist.routes.js';
import { presseJobs } from './presslist.service.js';
import { registerPublicRoutes } from './public.routes.js';
import { registerSettingsRoutes } from './settings.routes.js';
import { registerStaffRoutes } from './staff.routes.js';

/** The imported labour-market figures for other modules (the coaching's career perspective). */
export const labourMarketFigures = { districtSnapshot, rate, count, monthName };
export type { DistrictSnapshot };

export const presseModule: WegweiserModule = {
  name: 'presse',
  auditVocabularies: [presseAuditVocabulary],
  permissions: {
    /** See the press office's releases in every state. */
    'presse.view': ['presse', 'tenant_admin'],
    /** Write, submit, publish, correct and withdraw releases; import figures. */
    'presse.edit': ['presse'],
    /** Approve a release someone else wrote (four eyes). */
    'presse.approve': ['presse', 'tenant_admin'],
    /** Press settings and where a year's count starts. */
    'presse.settings': ['tenant_admin'],
  },
  async html(app, deps) {
    registerPublicRoutes(app, deps);
    registerFeedRoutes(app, deps);
    registerPressListRoutes(app, deps);
    registerStaffRoutes(app, deps);
    await registerMediaRoutes(app, deps);
    await registerFiguresRoutes(app, deps);
    registerSettingsRoutes(app, deps);
  },
  citizenServices: [{ titleKey: 'presse:service.title', descriptionKey: 'presse:service.description', path: '/presse' }],
  api: registerPresseApi,
  jobs: presseJobs,
  staffNav: [{ path: '/staff/presse', labelKey: 'presse:nav', permission: 'presse.view', order: 40 }],
  seedDemo: seedPresse,
};
