// Catalogue and sessions: seminars with category, UE, trainer, fee, prerequisites and mandatory rules; sessions
// with days, room or online link, seats and deadlines. Changing a session tells every participant (same calendar
// UID, higher SEQUENCE); cancelling sends METHOD:CANCEL.
import { NotFoundError, ValidationError } from '#shared/http/errors.js';
import { isUuid } from '#shared/ids.js';
import { staffWithRole, teamService } from '../staff/index.js';
import { assertCan, can, type Actor, type SeminarCtx } from './context.js';
import { audit } from './enrolment.service.js';
import { notify } from './notify.js';
import { freeSeats } from './places.js';
import * as catalogueRepository from './catalogue.repository.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import * as settingsRepository from './settings.repository.js';
import { liveStatuses, type Seminar, type SeminarSession, type SeminarSessionDay } from './seminare.tables.js';
import { isMandatoryFor } from './mandatory.js';
import { fillPlaces, lockSession } from './waitlist.js';

export interface SeminarInput {
  title: string;
  description: string;
  categoryId: string;
  ue: number;
  trainerUserId?: string | null | undefined;
  externalTrainer?: string | null | undefined;
  feeCents: number;
  prerequisites: string;
  targetRoles: string[];
  mandatoryForRoles: string[];
  targetTeams?: string[] | undefined;
  mandatoryForTeams?: string[] | undefined;
  validityMonths?: number | null | undefined;
  attendanceThresholdPercent: number;
  active?: boolean | undefined;
}

export interface SessionInput {
  room?: string | null | undefined;
  onlineUrl?: string | null | undefined;
  seats: number;
  minParticipants: number;
  enrolmentDeadline: Date;
  cancellationDeadline: Date;
  days: { startsAt: Date; endsAt: Date }[];
}

/** A request that still holds or waits for a place. */
export type LiveStatus = (typeof liveStatuses)[number];

export interface SessionView extends SeminarSession {
  days: SeminarSessionDay[];
  confirmed: number;
  offered: number;
  waiting: number;
  /** Seats not held by a confirmed place or an open offer; a request awaiting approval holds none (ADR 0391). */
  free: number;
  /** Before the enrolment deadline: requests are taken (the catalogue offers the button only then). */
  open: boolean;
  /** The viewer's own request for this session while it is live; the catalogue then says so instead of offering the button. */
  mine?: LiveStatus | undefined;
}

export async function createCategory(ctx: SeminarCtx, actor: Actor, name: string) {
  assertCan(ctx, actor, 'seminare.manage');
  if (await catalogueRepository.categoryByName(ctx.tdb, name)) throw new ValidationError([{ field: 'name', message: 'seminare:catalogue.categoryTaken' }]);
  return catalogueRepository.insertCategory(ctx.tdb, name);
}

/** Category, teams and trainer must exist in this tenant. */
async function assertReferences(ctx: SeminarCtx, input: SeminarInput) {
  const errors = [];
  if (!(await catalogueRepository.categories(ctx.tdb)).some((c) => c.id === input.categoryId)) errors.push({ field: 'categoryId', message: 'seminare:catalogue.categoryRequired' });
  const teams = new Set((await teamService.listTeams(ctx.tdb)).map((t) => t.id));
  if (!(input.targetTeams ?? []).every((id) => teams.has(id))) errors.push({ field: 'targetTeams', message: 'common:validation.choice' });
  if (!(input.mandatoryForTeams ?? []).every((id) => teams.has(id))) errors.push({ field: 'mandatoryForTeams', message: 'common:validation.choice' });
  if (input.trainerUserId && !(await staffWithRole(ctx.tdb, 'trainer')).some((t) => t.id === input.trainerUserId)) errors.push({ field: 'trainerUserId', message: 'common:validation.choice' });
  if (errors.length) throw new ValidationError(errors);
}

/** What the seminar form offers to choose from: categories, teams and staff with the role trainer. */
export async function seminarFormChoices(ctx: SeminarCtx) {
  return { categories: await catalogueRepository.categories(ctx.tdb), teams: await teamService.listTeams(ctx.tdb), trainers: await staffWithRole(ctx.tdb, 'trainer') };
}

/** A session with its days and seminar, for the training office's edit form. */
export async function sessionForEdit(ctx: SeminarCtx, actor: Actor, sessionId: string) {
  assertCan(ctx, actor, 'seminare.manage');
  const session = isUuid(sessionId) ? await sessionsRepository.byId(ctx.tdb, sessionId) : undefined;
  if (!session) throw new NotFoundError();
  return { session, days: await sessionsRepository.days(ctx.tdb, [session.id]), seminar: (await catalogueRepository.seminarById(ctx.tdb, session.seminarId))! };
}

export async function createSeminar(ctx: SeminarCtx, actor: Actor, input: SeminarInput): Promise<Seminar> {
  assertCan(ctx, actor, 'seminare.manage');
  await assertReferences(ctx, input);
  return ctx.tdb.transaction(async (tx) => {
    const created = await catalogueRepository.insertSeminar(tx, input);
    await audit(ctx, tx, actor, 'seminare.seminar_created', 'seminar', created.id);
    return created;
  });
}

export async function updateSeminar(ctx: SeminarCtx, actor: Actor, id: string, input: SeminarInput): Promise<void> {
  assertCan(ctx, actor, 'seminare.manage');
  await seminar(ctx, id);
  await assertReferences(ctx, input);
  await ctx.tdb.transaction(async (tx) => {
    await catalogueRepository.updateSeminar(tx, id, input);
    await audit(ctx, tx, actor, 'seminare.seminar_changed', 'seminar', id);
  });
}

export async function seminar(ctx: SeminarCtx, id: string): Promise<Seminar> {
  const found = isUuid(id) ? await catalogueRepository.seminarById(ctx.tdb, id) : undefined;
  if (!found) throw new NotFoundError();
  return found;
}

/** Sessions of seminars with their days and how many places are taken, offered and waited for. */
export async function sessionViews(ctx: SeminarCtx, seminarIds: string[], viewerId?: string): Promise<SessionView[]> {
  const sessions = await sessionsRepository.ofSeminars(ctx.tdb, seminarIds);
  const ids = sessions.map((s) => s.id);
  const days = await sessionsRepository.days(ctx.tdb, ids);
  const live = await enrolmentsRepository.ofSessions(ctx.tdb, ids, liveStatuses);
  const count = (id: string, status: string) => live.filter((e) => e.sessionId === id && e.status === status).length;
  const now = ctx.deps.clock.now();
  return sessions
    .map((s): SessionView => {
      const confirmed = count(s.id, 'confirmed');
      const offered = count(s.id, 'offered');
      const own = live.find((e) => e.sessionId === s.id && e.userId === viewerId);
      return {
        ...s,
        days: days.filter((d) => d.sessionId === s.id),
        confirmed,
        offered,
        waiting: count(s.id, 'waitlisted'),
        free: Math.max(0, s.seats - confirmed - offered),
        open: s.enrolmentDeadline > now,
        mine: liveStatuses.find((status) => status === own?.status),
      };
    })
    .sort((a, b) => (a.days[0]?.startsAt.getTime() ?? 0) - (b.days[0]?.startsAt.getTime() ?? 0));
}

/** Whether a seminar is meant for someone: no target at all (everybody), or one of their roles or teams. */
export function isTargetOf(seminar: Pick<Seminar, 'targetRoles' | 'targetTeams'>, roles: readonly string[], teamIds: readonly string[]): boolean {
  if (seminar.targetRoles.length === 0 && seminar.targetTeams.length === 0) return true;
  return seminar.targetRoles.some((r) => roles.includes(r)) || seminar.targetTeams.some((t) => teamIds.includes(t));
}

/**
 * The catalogue with search and category filter; every staff member may browse it. By default only what is meant
 * for the person (their roles or teams, untargeted seminars, and whatever is mandatory for them); `all` shows the
 * rest too. Mandatory for the person first, then targeted at them, then the rest, each by title. The training
 * office sees everything by default. A category that is not this jobcenter's is left out of the filter and said
 * so (`unknownCategory`); `categoryId` is the category applied.
 */
export async function searchCatalogue(ctx: SeminarCtx, actor: Actor, filter: { q?: string | undefined; categoryId?: string | undefined; all?: boolean | undefined }) {
  assertCan(ctx, actor, 'seminare.browse');
  const manage = can(ctx, actor, 'seminare.manage');
  const categories = await catalogueRepository.categories(ctx.tdb);
  const unknownCategory = filter.categoryId !== undefined && !categories.some((c) => c.id === filter.categoryId);
  const categoryId = unknownCategory ? undefined : filter.categoryId;
  const teamIds = (await teamService.teamsOf(ctx.tdb, actor.userId)).map((t) => t.id);
  const found = (await catalogueRepository.search(ctx.tdb, { q: filter.q, categoryId, includeInactive: manage })).map((s) => {
    const mandatoryForMe = isMandatoryFor(s, actor.roles, teamIds);
    const targeted = s.targetRoles.length > 0 || s.targetTeams.length > 0;
    return { ...s, mandatoryForMe, forMe: mandatoryForMe || isTargetOf(s, actor.roles, teamIds), rank: mandatoryForMe ? 0 : targeted && isTargetOf(s, actor.roles, teamIds) ? 1 : 2 };
  });
  const all = filter.all ?? manage;
  const list = (all ? found : found.filter((s) => s.forMe)).sort((a, b) => a.rank - b.rank || a.title.localeCompare(b.title, 'de'));
  const sessions = await sessionViews(ctx, list.map((s) => s.id), actor.userId);
  return { seminars: list.map((s) => ({ ...s, sessions: sessions.filter((x) => x.seminarId === s.id) })), all, hidden: found.length - list.length, categories, categoryId, unknownCategory };
}

function checkSession(input: SessionInput) {
  const errors = [];
  if (input.days.length === 0) errors.push({ field: 'days', message: 'seminare:session.daysRequired' });
  if (input.days.some((d) => d.endsAt <= d.startsAt)) errors.push({ field: 'days', message: 'seminare:session.dayOrder' });
  if (!input.room && !input.onlineUrl) errors.push({ field: 'room', message: 'seminare:session.placeRequired' });
  if (input.minParticipants > input.seats) errors.push({ field: 'minParticipants', message: 'seminare:session.minAboveSeats' });
  const first = [...input.days].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (first && input.enrolmentDeadline > first.startsAt) errors.push({ field: 'enrolmentDeadline', message: 'seminare:session.deadlineAfterStart' });
  if (errors.length) throw new ValidationError(errors);
}

export async function createSession(ctx: SeminarCtx, actor: Actor, seminarId: string, input: SessionInput): Promise<SeminarSession> {
  assertCan(ctx, actor, 'seminare.manage');
  await seminar(ctx, seminarId);
  checkSession(input);
  const { days, ...values } = input;
  return ctx.tdb.transaction(async (tx) => {
    const created = await sessionsRepository.insert(tx, { ...values, seminarId });
    await sessionsRepository.insertDays(tx, created.id, days);
    await audit(ctx, tx, actor, 'seminare.session_created', 'seminar_session', created.id);
    return created;
  });
}

/**
 * Changes a session. Fewer seats than places held is refused; the places are renumbered into the new range
 * first; more seats are offered to the waitlist. Participants get the update with the next SEQUENCE.
 */
export async function updateSession(ctx: SeminarCtx, actor: Actor, sessionId: string, input: SessionInput): Promise<void> {
  assertCan(ctx, actor, 'seminare.manage');
  checkSession(input);
  const { days, ...values } = input;
  await ctx.tdb.transaction(async (tx) => {
    const session = isUuid(sessionId) ? await lockSession(tx, sessionId) : undefined;
    if (!session) throw new NotFoundError();
    const live = await enrolmentsRepository.ofSessions(tx, [session.id], ['offered', 'confirmed']);
    if (live.length > input.seats) throw new ValidationError([{ field: 'seats', message: 'seminare:session.seatsBelowHeld', params: { count: live.length } }]);
    const free = freeSeats(input.seats, live.map((e) => e.seatNo!)).filter((n) => n <= input.seats);
    for (const e of live.filter((x) => x.seatNo! > input.seats)) await enrolmentsRepository.transition(tx, e.id, [e.status], { seatNo: free.shift()! });
    const [updated] = await sessionsRepository.update(tx, session.id, { ...values, icsSequence: session.icsSequence + 1 });
    await sessionsRepository.replaceDays(tx, session.id, days);
    for (const e of live.filter((x) => x.status === 'confirmed')) await notify(ctx, tx, e, updated!, 'sessionChanged');
    await fillPlaces(ctx, tx, updated!);
    await audit(ctx, tx, actor, 'seminare.session_changed', 'seminar_session', session.id);
  });
}

/** Cancels a session: every live request ends; participants get METHOD:CANCEL. */
export async function cancelSession(ctx: SeminarCtx, actor: Actor, sessionId: string): Promise<void> {
  assertCan(ctx, actor, 'seminare.manage');
  await ctx.tdb.transaction(async (tx) => {
    const session = isUuid(sessionId) ? await lockSession(tx, sessionId) : undefined;
    if (!session) throw new NotFoundError();
    if (session.status === 'cancelled') return;
    const now = ctx.deps.clock.now();
    const [updated] = await sessionsRepository.update(tx, session.id, { status: 'cancelled', icsSequence: session.icsSequence + 1 });
    for (const e of await enrolmentsRepository.ofSessions(tx, [session.id], liveStatuses)) {
      const ended = await enrolmentsRepository.transition(tx, e.id, [e.status], { status: 'cancelled', seatNo: null, offerExpiresAt: null, cancelledAt: now, updatedAt: now });
      if (ended) await notify(ctx, tx, ended, updated!, e.status === 'confirmed' ? 'sessionCancelled' : 'sessionCancelledRequest');
    }
    await audit(ctx, tx, actor, 'seminare.session_cancelled', 'seminar_session', session.id);
  });
}

/** Whether the training office must record the Personalrat's involvement (a tenant setting). */
export async function personalratRequired(ctx: SeminarCtx): Promise<boolean> {
  return (await settingsRepository.get(ctx.tdb)).personalratRequired;
}
