// Servicepoint desk: day view, check-in, waiting numbers, call display (live), walk-ins, no-shows, closures,
// phone bookings and statistics. Owns the servicepoint_* tables; bookings stay the termine module's.
import type { WegweiserModule } from '../../shared/module.js';
import { registerStaffNavItem } from '../staff/index.js';
import { deskRoutes } from './desk.routes.js';
import { publicRoutes } from './public.routes.js';

registerStaffNavItem({ path: '/staff/servicepoint', labelKey: 'servicepoint:nav', permission: 'servicepoint.desk', order: 20 });

export const servicepointModule: WegweiserModule = {
  name: 'servicepoint',
  async html(app, deps) {
    await app.register((scope) => deskRoutes(scope, deps));
    await app.register((scope) => publicRoutes(scope, deps));
  },
};
