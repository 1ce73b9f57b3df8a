// Bürgergeld-Rechner: a public, non-binding estimate without an application, as a page and as the API
// operation estimateBenefit. Uses the estimate service, rules and presentation of the antrag module
// (ADR 0160); owns no tables and stores nothing.
import type { WegweiserModule } from '#shared/module.js';
import { registerRechnerApi } from './rechner.api.js';
import { registerRechnerRoutes } from './rechner.routes.js';

export const rechnerModule: WegweiserModule = {
  name: 'rechner',
  citizenServices: [{ titleKey: 'rechner:service.title', descriptionKey: 'rechner:service.description', path: '/rechner' }],
  html(app, deps) {
    registerRechnerRoutes(app, deps);
  },
  api(app) {
    registerRechnerApi(app);
  },
};
