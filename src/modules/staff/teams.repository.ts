// SQL for teams and their members (staff_teams, staff_team_members), always through TenantDb.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { staffTeamMembers, staffTeams, staffUsers, type StaffTeam } from './staff.tables.js';

export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  isLead: boolean;
}

export const listTeams = (tdb: TenantDb): Promise<StaffTeam[]> => tdb.db.select().from(staffTeams).where(tdb.scope(staffTeams)).orderBy(asc(staffTeams.name));

export const teamById = (tdb: TenantDb, id: string) => tdb.first(staffTeams, eq(staffTeams.id, id));

export const teamByName = (tdb: TenantDb, name: string) => tdb.first(staffTeams, eq(staffTeams.name, name));

export const insertTeam = (tdb: TenantDb, name: string) => tdb.insert(staffTeams, { name });

export const teamMembers = async (tdb: TenantDb, teamId: string): Promise<TeamMember[]> => (await membersOfTeams(tdb, [teamId])).get(teamId) ?? [];

/** The members of each of the teams, ordered by name, in one query (a team without members is absent). */
export async function membersOfTeams(tdb: TenantDb, teamIds: string[]): Promise<Map<string, TeamMember[]>> {
  if (teamIds.length === 0) return new Map();
  const rows = await tdb.db
    .select({ teamId: staffTeamMembers.teamId, userId: staffUsers.id, displayName: staffUsers.displayName, email: staffUsers.email, isLead: staffTeamMembers.isLead })
    .from(staffTeamMembers)
    .innerJoin(staffUsers, and(eq(staffUsers.id, staffTeamMembers.userId), tdb.scope(staffUsers)))
    .where(tdb.scope(staffTeamMembers, inArray(staffTeamMembers.teamId, teamIds)))
    .orderBy(asc(staffUsers.displayName));
  const members = new Map<string, TeamMember[]>();
  for (const { teamId, ...member } of rows) members.set(teamId, [...(members.get(teamId) ?? []), member]);
  return members;
}

/** Teams a person belongs to; `leadOnly` for the teams they lead. */
export const teamsOf = (tdb: TenantDb, userId: string, leadOnly = false): Promise<StaffTeam[]> =>
  tdb.db
    .select({ tenantId: staffTeams.tenantId, id: staffTeams.id, name: staffTeams.name, createdAt: staffTeams.createdAt })
    .from(staffTeamMembers)
    .innerJoin(staffTeams, and(eq(staffTeams.id, staffTeamMembers.teamId), tdb.scope(staffTeams)))
    .where(tdb.scope(staffTeamMembers, eq(staffTeamMembers.userId, userId), leadOnly ? eq(staffTeamMembers.isLead, true) : undefined))
    .orderBy(asc(staffTeams.name));

export async function upsertTeamMember(tdb: TenantDb, teamId: string, userId: string, isLead: boolean): Promise<void> {
  await tdb.db
    .insert(staffTeamMembers)
    .values({ tenantId: tdb.tenantId, teamId, userId, isLead })
    .onConflictDoUpdate({ target: [staffTeamMembers.tenantId, staffTeamMembers.teamId, staffTeamMembers.userId], set: { isLead } });
}

export const removeTeamMember = (tdb: TenantDb, teamId: string, userId: string) =>
  tdb.delete(staffTeamMembers, eq(staffTeamMembers.teamId, teamId), eq(staffTeamMembers.userId, userId));
