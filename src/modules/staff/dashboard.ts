import type { TFunction } from '../../shared/i18n/index.js';
import type { TenantDb } from '../../shared/db/tenant-scope.js';
import type { AppDeps } from '../../shared/module.js';
import type { StaffPrincipal } from './auth.js';
import { hasPermission, type Permission } from './permissions.js';

export interface DashboardItem {
  text: string;
  href?: string | undefined;
}

/** A box on the staff start page ("what to do today"), shown to roles with `permission`. */
export interface StaffDashboardWidget {
  id: string;
  titleKey: string;
  permission: Permission;
  order?: number;
  /** Loads today's items; an empty list shows "nothing to do". Record an audit row if it reads personal data. */
  load(input: { tdb: TenantDb; staff: StaffPrincipal; deps: AppDeps; t: TFunction; base: string }): Promise<DashboardItem[]>;
}

const widgets = new Map<string, StaffDashboardWidget>();

/** Modules contribute to the staff start page through this (idempotent by id). */
export function registerStaffDashboardWidget(widget: StaffDashboardWidget): void {
  widgets.set(widget.id, widget);
}

export function dashboardWidgetsFor(roles: readonly string[]): StaffDashboardWidget[] {
  return [...widgets.values()].filter((w) => hasPermission(roles, w.permission)).sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
}
