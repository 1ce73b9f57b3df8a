// Which coaches a team lead leads: the members of every team the person leads (staff's teamService).
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { teamService } from '../staff/index.js';

export async function teamCoachIds(tdb: TenantDb, leadId: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const team of await teamService.teamsLedBy(tdb, leadId)) {
    for (const member of await teamService.membersOf(tdb, team.id)) if (member.userId !== leadId) ids.add(member.userId);
  }
  return [...ids];
}
