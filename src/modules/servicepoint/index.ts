// Servicepoint desk: day view, check-in, waiting numbers, call display (live), walk-ins, no-shows, closures,
// phone bookings and statistics. Owns the servicepoint_* tables; bookings stay the termine module's.
import type { WegweiserModule } from '#shared/module.js';
import { servicepointAuditVocabulary } from './audit-vocabulary.js';
import { registerDeskRoutes } from './desk.routes.js';
import { todayAtTheDesk } from './desk.widgets.js';
import { createDisplayStreams } from './display.stream.js';
import { registerPublicRoutes } from './public.routes.js';

export const servicepointModule: WegweiserModule = {
  name: 'servicepoint',
  auditVocabularies: [servicepointAuditVocabulary],
  permissions: { 'servicepoint.desk': ['servicepoint'] },
  staffNav: [{ path: '/staff/servicepoint', labelKey: 'servicepoint:nav', permission: 'servicepoint.desk', order: 20 }],
  dashboardWidgets: [{ id: 'servicepoint-today', titleKey: 'servicepoint:widget.title', permission: 'servicepoint.desk', order: 10, load: todayAtTheDesk }],
  async html(app, deps) {
    // One display feed for the waiting-room screens and the desks' live lists.
    const streams = createDisplayStreams(deps);
    app.addHook('preClose', async () => streams.close());
    await app.register((scope) => registerDeskRoutes(scope, deps, streams));
    await app.register((scope) => registerPublicRoutes(scope, deps, streams));
  },
};
