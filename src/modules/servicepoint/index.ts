// Servicepoint desk: day view, check-in, waiting numbers, call display (live), walk-ins, no-shows, closures,
// phone bookings and statistics. Owns the servicepoint_* tables; bookings stay the termine module's.
import type { WegweiserModule } from '#shared/module.js';
import { deskRoutes } from './desk.routes.js';
import { todayAtTheDesk } from './desk.widgets.js';
import { createDisplayStreams } from './display.stream.js';
import { publicRoutes } from './public.routes.js';

export const servicepointModule: WegweiserModule = {
  name: 'servicepoint',
  permissions: { 'servicepoint.desk': ['servicepoint'] },
  staffNav: [{ path: '/staff/servicepoint', labelKey: 'servicepoint:nav', permission: 'servicepoint.desk', order: 20 }],
  dashboardWidgets: [{ id: 'servicepoint-today', titleKey: 'servicepoint:widget.title', permission: 'servicepoint.desk', order: 10, load: todayAtTheDesk }],
  async html(app, deps) {
    // One display feed for the waiting-room screens and the desks' live lists.
    const streams = createDisplayStreams(deps);
    app.addHook('preClose', async () => streams.close());
    await app.register((scope) => deskRoutes(scope, deps, streams));
    await app.register((scope) => publicRoutes(scope, deps, streams));
  },
};
