// Teams: who belongs to which team and who leads it. `teamService` is the read API other modules use
// (coaching, seminare: approval by the team lead, reports per team); the admin functions check staff.teams.
import { recordAudit, type AuditAction } from '#shared/audit/index.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ForbiddenError, NotFoundError, ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import type { StaffPrincipal } from './auth.js';
import { hasPermission } from './permissions.js';
import * as repo from './staff.repository.js';
import type { StaffTeam } from './staff.tables.js';
import type { TeamMember } from './teams.repository.js';
import * as teamsRepo from './teams.repository.js';

export type { StaffTeam } from './staff.tables.js';
export type { TeamMember } from './teams.repository.js';

const UUID = /^[0-9a-f-]{36}$/i;

/** Read API for other modules; the caller checks its own permission and audits what it shows. */
export const teamService = {
  /** Teams the person belongs to (as member or lead). */
  teamsOf: (tdb: TenantDb, userId: string): Promise<StaffTeam[]> => teamsRepo.teamsOf(tdb, userId),
  /** Members of a team with their lead flag, ordered by name. */
  membersOf: (tdb: TenantDb, teamId: string): Promise<TeamMember[]> => teamsRepo.teamMembers(tdb, teamId),
  /** Members of each of the teams (by team id), in one query. */
  membersOfTeams: (tdb: TenantDb, teamIds: string[]): Promise<Map<string, TeamMember[]>> => teamsRepo.membersOfTeams(tdb, teamIds),
  /** Teams the person leads. */
  teamsLedBy: (tdb: TenantDb, userId: string): Promise<StaffTeam[]> => teamsRepo.teamsOf(tdb, userId, true),
  listTeams: (tdb: TenantDb): Promise<StaffTeam[]> => teamsRepo.listTeams(tdb),
  /** The leads of the person's teams (other than the person): who approves their requests. */
  async leadsOf(tdb: TenantDb, userId: string): Promise<TeamMember[]> {
    const teams = await teamsRepo.teamsOf(tdb, userId);
    const leads = new Map<string, TeamMember>();
    for (const members of (await teamsRepo.membersOfTeams(tdb, teams.map((t) => t.id))).values()) {
      for (const m of members) if (m.isLead && m.userId !== userId) leads.set(m.userId, m);
    }
    return [...leads.values()];
  },
};

function assertTeams(deps: AppDeps, actor: StaffPrincipal) {
  if (!hasPermission(deps, actor.roles, 'staff.teams')) throw new ForbiddenError();
}

async function audit(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, action: AuditAction, objectId: string | null, purpose?: string) {
  await recordAudit(tdb, { actorId: actor.userId, actorRoles: actor.roles, action, objectType: 'staff_team', objectId, purpose, at: deps.clock.now() });
}

async function team(tdb: TenantDb, id: string): Promise<StaffTeam> {
  const found = UUID.test(id) ? await teamsRepo.teamById(tdb, id) : undefined;
  if (!found) throw new NotFoundError();
  return found;
}

export async function listTeamsForAdmin(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal) {
  assertTeams(deps, actor);
  const teams = await teamsRepo.listTeams(tdb);
  const members = await teamsRepo.membersOfTeams(tdb, teams.map((t) => t.id));
  return teams.map((t) => ({ ...t, members: members.get(t.id) ?? [] }));
}

export async function createTeam(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, name: string): Promise<StaffTeam> {
  assertTeams(deps, actor);
  if (await teamsRepo.teamByName(tdb, name)) throw new ValidationError([{ field: 'name', message: 'staff:teams.nameTaken' }]);
  return tdb.transaction(async (tx) => {
    const created = await teamsRepo.insertTeam(tx, name);
    await audit(deps, tx, actor, 'staff.team_created', created.id);
    return created;
  });
}

/** The team with its members and the staff who could join; reading member names is audited. */
export async function teamForAdmin(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, id: string) {
  assertTeams(deps, actor);
  const found = await team(tdb, id);
  const members = await teamsRepo.teamMembers(tdb, found.id);
  const inTeam = new Set(members.map((m) => m.userId));
  const candidates = (await repo.listUsers(tdb)).filter((u) => u.active && !inTeam.has(u.id)).map((u) => ({ id: u.id, displayName: u.displayName }));
  await audit(deps, tdb, actor, 'staff.team_view', found.id);
  return { team: found, members, candidates };
}

/** Adds a person or changes their lead flag. */
export async function setMember(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, teamId: string, userId: string, isLead: boolean) {
  assertTeams(deps, actor);
  const found = await team(tdb, teamId);
  const user = UUID.test(userId) ? await repo.userById(tdb, userId) : undefined;
  if (!user) throw new ValidationError([{ field: 'userId', message: 'staff:teams.userRequired' }]);
  await tdb.transaction(async (tx) => {
    await teamsRepo.upsertTeamMember(tx, found.id, user.id, isLead);
    await audit(deps, tx, actor, 'staff.team_member_set', found.id, `user=${user.id} lead=${isLead}`);
  });
}

export async function removeMember(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, teamId: string, userId: string) {
  assertTeams(deps, actor);
  const found = await team(tdb, teamId);
  if (!UUID.test(userId)) throw new NotFoundError();
  await tdb.transaction(async (tx) => {
    await teamsRepo.removeTeamMember(tx, found.id, userId);
    await audit(deps, tx, actor, 'staff.team_member_removed', found.id, `user=${userId}`);
  });
}
