// Indicators of the coaching per period: entries, active, exits by reason, integration rate, median time to
// integration and sustainability — aggregates only, groups under five people withheld (rules.ts MIN_GROUP).
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit } from '#shared/audit/index.js';
import { hasPermission, type StaffPrincipal } from '../staff/index.js';
import * as repo from './coaching.repository.js';
import { austrittsgruende } from './coaching.tables.js';
import { addMonths, berlinToday, indicators, type Indicators } from './rules.js';

export interface IndicatorReport extends Indicators {
  from: string;
  to: string;
  /** 'own' for a coach (own caseload), 'tenant' for team leads and admins. */
  scope: 'own' | 'tenant';
}

export async function indicatorReport(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, query: { from?: string | undefined; to?: string | undefined }): Promise<IndicatorReport> {
  const today = berlinToday(deps.clock.now());
  const to = query.to ?? today;
  const from = query.from ?? addMonths(to, -12);
  const tenantWide = hasPermission(deps, staff.roles, 'coaching.team') || staff.roles.includes('tenant_admin');
  const rows = tenantWide ? await repo.allTeilnehmende(tdb) : await repo.teilnehmendeOfCoaches(tdb, [staff.userId]);
  await recordAudit(tdb, { actorId: staff.userId, actorRoles: staff.roles, action: 'coaching.indicators', objectType: 'coaching_kennzahlen', objectId: null, purpose: `${from}..${to}`, at: deps.clock.now() });
  return { ...indicators(rows, from, to), from, to, scope: tenantWide ? 'tenant' : 'own' };
}

/** The report as CSV (one row per figure; withheld figures stay empty). */
export function indicatorsCsv(r: IndicatorReport): string {
  const lines: [string, string | number | null][] = [
    ['zeitraum_von', r.from],
    ['zeitraum_bis', r.to],
    ['eintritte', r.entries],
    ['aktiv', r.active],
    ['austritte', r.exitsTotal],
    ...austrittsgruende.map((g) => [`austritte_${g}`, r.exitsTotal >= 5 ? r.exits[g] : null] as [string, number | null]),
    ['integrationsquote_prozent', r.integrationRate],
    ['median_tage_bis_integration', r.medianDaysToIntegration],
    ['nach_6_monaten_beschaeftigt_prozent', r.stillEmployedRate],
  ];
  return `kennzahl,wert\r\n${lines.map(([k, v]) => `${k},${v ?? ''}`).join('\r\n')}\r\n`;
}
