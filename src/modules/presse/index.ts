// Presse: the newsroom (press releases with running numbers per year, embargo, four-eyes approval, feeds, press
// list) and the labour-market figures (import, chart and table, monthly draft release). Owns the presse_* tables.
import type { WegweiserModule } from '../../shared/module.js';
import { seedPresse } from './demo.js';
import { registerPublicRoutes } from './public.routes.js';

export const presseModule: WegweiserModule = {
  name: 'presse',
  permissions: {
    /** Write, submit, publish, correct and withdraw releases; import figures. */
    'presse.edit': ['presse'],
    /** Approve a release someone else wrote (four eyes). */
    'presse.approve': ['presse', 'tenant_admin'],
    /** Press settings and where a year's count starts. */
    'presse.settings': ['tenant_admin'],
  },
  html(app, deps) {
    registerPublicRoutes(app, deps);
  },
  citizenServices: [{ titleKey: 'presse:service.title', descriptionKey: 'presse:service.description', path: '/presse' }],
  seedDemo: seedPresse,
};
