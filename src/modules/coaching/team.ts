// Which coaches a team lead leads. TODO(platform): replace with staff's teamService (teamsLedBy + membersOf) once
// teams are on main; until then a team lead leads nobody, so the team view is empty rather than too wide.
import type { TenantDb } from '../../shared/db/tenant-scope.js';

export async function teamCoachIds(_tdb: TenantDb, _leadId: string): Promise<string[]> {
  return [];
}
