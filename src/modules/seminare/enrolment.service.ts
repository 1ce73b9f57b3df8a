// Enrolment use cases: request a place, the approval chain (team lead, then the training office), offers from the
// waitlist (accept, decline, expire), cancellation and a manual move on the waitlist (with a reason, audited).
import { recordAudit, type AuditAction, type AuditObjectType } from '#shared/audit/index.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ForbiddenError, NotFoundError, ValidationError } from '#shared/http/errors.js';
import { isUuid } from '#shared/ids.js';
import { staffContacts, teamService } from '../staff/index.js';
import { assertCan, can, type Actor, type SeminarCtx } from './context.js';
import { isUniqueViolation } from '#shared/db/errors.js';
import { notify } from './notify.js';
import { afterLead, cancellable, firstStep } from './places.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import * as settingsRepository from './settings.repository.js';
import type { SeminarEnrolment, SeminarSession } from './seminare.tables.js';
import { admit, fillPlaces, lockSession, release } from './waitlist.js';

export async function audit(ctx: SeminarCtx, tx: TenantDb, actor: Actor, action: AuditAction, objectType: AuditObjectType, objectId: string | null, purpose?: string) {
  await recordAudit(tx, { actorId: actor.userId || null, actorRoles: actor.roles, action, objectType, objectId, purpose, at: ctx.deps.clock.now() });
}

const invalid = (field: string, message: string) => new ValidationError([{ field, message }]);

async function enrolmentOf(tdb: TenantDb, id: string): Promise<SeminarEnrolment> {
  const found = isUuid(id) ? await enrolmentsRepository.byId(tdb, id) : undefined;
  if (!found) throw new NotFoundError();
  return found;
}

/** Runs `fn` with the session locked; a request that changed meanwhile is read again under the lock. */
async function underLock<T>(ctx: SeminarCtx, enrolment: SeminarEnrolment, fn: (tx: TenantDb, session: SeminarSession, current: SeminarEnrolment) => Promise<T>): Promise<T> {
  return ctx.tdb.transaction(async (tx) => {
    const session = (await lockSession(tx, enrolment.sessionId))!;
    const current = (await enrolmentsRepository.byId(tx, enrolment.id))!;
    return fn(tx, session, current);
  });
}

/** Approvers get a mail (or, when `reminder`, a reminder): the applicant's team leads, or the training office. */
export async function tellApprovers(ctx: SeminarCtx, tx: TenantDb, enrolment: SeminarEnrolment, session: SeminarSession, reminder = false) {
  const approvers =
    enrolment.status === 'pending_lead'
      ? await teamService.leadsOf(tx, enrolment.userId)
      : (await staffContacts(tx)).filter((c) => c.active && c.roles.includes('personalentwicklung'));
  const kind = reminder ? 'approvalReminder' : enrolment.status === 'pending_lead' ? 'requested' : 'pendingHr';
  for (const a of approvers) await notify(ctx, tx, enrolment, session, kind, a);
}

/** A staff member asks for a place in a session. */
export async function requestEnrolment(ctx: SeminarCtx, actor: Actor, sessionId: string, note = ''): Promise<SeminarEnrolment> {
  assertCan(ctx, actor, 'seminare.browse');
  const session = isUuid(sessionId) ? await sessionsRepository.byId(ctx.tdb, sessionId) : undefined;
  if (!session) throw new NotFoundError();
  const now = ctx.deps.clock.now();
  if (session.status !== 'planned') throw invalid('session', 'seminare:enrol.sessionCancelled');
  if (session.enrolmentDeadline <= now) throw invalid('session', 'seminare:enrol.deadlinePassed');
  const settings = await settingsRepository.get(ctx.tdb);
  const step = firstStep(settings.approval, (await teamService.leadsOf(ctx.tdb, actor.userId)).length > 0);
  try {
    return await ctx.tdb.transaction(async (tx) => {
      const locked = (await lockSession(tx, session.id))!;
      const created = await enrolmentsRepository.insert(tx, {
        sessionId: session.id,
        userId: actor.userId,
        status: step === 'approved' ? 'waitlisted' : step,
        requestedAt: now,
        note,
        updatedAt: now,
      });
      await audit(ctx, tx, actor, 'seminare.enrolment_requested', 'seminar_enrolment', created.id);
      if (step !== 'approved') {
        await tellApprovers(ctx, tx, created, locked);
        return created;
      }
      return (await admit(ctx, tx, locked, created, ['waitlisted']))!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalid('session', 'seminare:enrol.already');
    throw err;
  }
}

export interface Decision {
  approve: boolean;
  reason?: string | undefined;
  personalrat?: boolean | undefined;
}

/** A team lead or the training office decides on a pending request. */
export async function decide(ctx: SeminarCtx, actor: Actor, enrolmentId: string, decision: Decision): Promise<SeminarEnrolment> {
  const enrolment = await enrolmentOf(ctx.tdb, enrolmentId);
  if (enrolment.userId === actor.userId) throw new ForbiddenError();
  const settings = await settingsRepository.get(ctx.tdb);
  const now = ctx.deps.clock.now();
  if (enrolment.status === 'pending_lead') {
    assertCan(ctx, actor, 'seminare.approve');
    const leads = await teamService.leadsOf(ctx.tdb, enrolment.userId);
    if (!leads.some((l) => l.userId === actor.userId)) throw new ForbiddenError();
  } else if (enrolment.status === 'pending_hr') {
    assertCan(ctx, actor, 'seminare.manage');
    if (decision.approve && settings.personalratRequired && !decision.personalrat) throw invalid('personalrat', 'seminare:approval.personalratRequired');
  } else {
    throw invalid('decision', 'seminare:approval.alreadyDecided');
  }
  if (!decision.approve && !decision.reason) throw invalid('reason', 'seminare:approval.reasonRequired');
  const lead = enrolment.status === 'pending_lead';
  const stamp = lead ? { leadDecidedBy: actor.userId, leadDecidedAt: now } : { hrDecidedBy: actor.userId, hrDecidedAt: now, personalratInvolvedAt: decision.personalrat ? now : null };
  const result = await underLock(ctx, enrolment, async (tx, session, current) => {
    if (current.status !== enrolment.status) throw invalid('decision', 'seminare:approval.alreadyDecided');
    let updated: SeminarEnrolment | undefined;
    if (!decision.approve) {
      updated = await enrolmentsRepository.transition(tx, current.id, [current.status], { ...stamp, status: 'rejected', rejectionReason: decision.reason ?? null, updatedAt: now });
      if (updated) await notify(ctx, tx, updated, session, 'rejected');
    } else if (lead && afterLead(settings.approval) === 'pending_hr') {
      updated = await enrolmentsRepository.transition(tx, current.id, ['pending_lead'], { ...stamp, status: 'pending_hr', updatedAt: now });
      if (updated) await tellApprovers(ctx, tx, updated, session);
    } else {
      updated = await admit(ctx, tx, session, current, [current.status], stamp);
    }
    if (!updated) throw invalid('decision', 'seminare:approval.alreadyDecided');
    await audit(ctx, tx, actor, decision.approve ? 'seminare.enrolment_approved' : 'seminare.enrolment_rejected', 'seminar_enrolment', current.id, lead ? 'step=lead' : 'step=hr');
    return updated;
  });
  return result;
}

/** Requests waiting for this person's decision: as team lead of the applicant, or as training office. */
export async function approvalQueue(ctx: SeminarCtx, actor: Actor): Promise<SeminarEnrolment[]> {
  const led = new Set<string>();
  if (can(ctx, actor, 'seminare.approve')) {
    const teams = await teamService.teamsLedBy(ctx.tdb, actor.userId);
    for (const members of (await teamService.membersOfTeams(ctx.tdb, teams.map((t) => t.id))).values()) for (const m of members) led.add(m.userId);
  }
  const hr = can(ctx, actor, 'seminare.manage');
  if (!hr && led.size === 0 && !can(ctx, actor, 'seminare.approve')) throw new ForbiddenError();
  const pending = await enrolmentsRepository.withStatus(ctx.tdb, ['pending_lead', 'pending_hr']);
  const mine = pending.filter((e) => e.userId !== actor.userId && ((e.status === 'pending_lead' && led.has(e.userId)) || (e.status === 'pending_hr' && hr)));
  await audit(ctx, ctx.tdb, actor, 'seminare.approvals_viewed', 'seminar_enrolment', null, `count=${mine.length}`);
  return mine;
}

/** The person takes up an offered place (before it expires). */
export async function acceptOffer(ctx: SeminarCtx, actor: Actor, enrolmentId: string): Promise<SeminarEnrolment> {
  const enrolment = await enrolmentOf(ctx.tdb, enrolmentId);
  if (enrolment.userId !== actor.userId) throw new NotFoundError();
  return underLock(ctx, enrolment, async (tx, session, current) => {
    const now = ctx.deps.clock.now();
    if (current.status !== 'offered' || !current.offerExpiresAt || current.offerExpiresAt <= now) throw invalid('offer', 'seminare:offer.expired');
    const updated = (await enrolmentsRepository.transition(tx, current.id, ['offered'], { status: 'confirmed', offerExpiresAt: null, updatedAt: now }))!;
    await notify(ctx, tx, updated, session, 'confirmed');
    await audit(ctx, tx, actor, 'seminare.offer_accepted', 'seminar_enrolment', current.id);
    return updated;
  });
}

/** The person declines an offer; the seat goes to the next on the waitlist. */
export async function declineOffer(ctx: SeminarCtx, actor: Actor, enrolmentId: string): Promise<void> {
  const enrolment = await enrolmentOf(ctx.tdb, enrolmentId);
  if (enrolment.userId !== actor.userId) throw new NotFoundError();
  await underLock(ctx, enrolment, async (tx, session, current) => {
    if (current.status !== 'offered') throw invalid('offer', 'seminare:offer.expired');
    await release(ctx, tx, session, current, 'declined');
    await audit(ctx, tx, actor, 'seminare.offer_declined', 'seminar_enrolment', current.id);
  });
}

/**
 * Withdraws a request. The person themself until the cancellation deadline (requests not yet holding a place at
 * any time); the training office at any time. A freed seat is offered to the next on the waitlist.
 */
export async function cancelEnrolment(ctx: SeminarCtx, actor: Actor, enrolmentId: string, reason = ''): Promise<void> {
  const enrolment = await enrolmentOf(ctx.tdb, enrolmentId);
  const own = enrolment.userId === actor.userId;
  if (!own) assertCan(ctx, actor, 'seminare.manage');
  await underLock(ctx, enrolment, async (tx, session, current) => {
    if (!cancellable.includes(current.status)) throw invalid('enrolment', 'seminare:cancel.notCancellable');
    const now = ctx.deps.clock.now();
    if (own && current.seatNo !== null && session.cancellationDeadline <= now && !can(ctx, actor, 'seminare.manage')) throw invalid('enrolment', 'seminare:cancel.deadlinePassed');
    const updated = await release(ctx, tx, session, current, 'cancelled', { cancelledAt: now });
    if (updated && current.status === 'confirmed') await notify(ctx, tx, updated, session, 'cancelled');
    await audit(ctx, tx, actor, 'seminare.enrolment_cancelled', 'seminar_enrolment', current.id, own ? undefined : reason);
  });
}

/** Offers whose time is up lapse; their seats go to the next people on the waitlist. Returns lapsed offers. */
export async function expireOffers(ctx: SeminarCtx): Promise<number> {
  const now = ctx.deps.clock.now();
  let lapsed = 0;
  for (const sessionId of await enrolmentsRepository.sessionsWithExpiredOffers(ctx.tdb, now)) {
    lapsed += await ctx.tdb.transaction(async (tx) => {
      const session = (await lockSession(tx, sessionId))!;
      let n = 0;
      for (const offer of await enrolmentsRepository.expiredOffers(tx, sessionId, now)) {
        const updated = await enrolmentsRepository.transition(tx, offer.id, ['offered'], { status: 'offer_expired', seatNo: null, updatedAt: now });
        if (!updated) continue;
        await notify(ctx, tx, { ...updated, offerExpiresAt: offer.offerExpiresAt }, session, 'offerExpired');
        n++;
      }
      await fillPlaces(ctx, tx, session);
      return n;
    });
  }
  return lapsed;
}

/** The training office moves a waitlisted person to the front, with a reason that is kept in the audit log. */
export async function moveToFront(ctx: SeminarCtx, actor: Actor, enrolmentId: string, reason: string): Promise<void> {
  assertCan(ctx, actor, 'seminare.manage');
  if (!reason) throw invalid('reason', 'seminare:approval.reasonRequired');
  const enrolment = await enrolmentOf(ctx.tdb, enrolmentId);
  await underLock(ctx, enrolment, async (tx, session, current) => {
    if (current.status !== 'waitlisted') throw invalid('enrolment', 'seminare:waitlist.notWaiting');
    const [first] = await enrolmentsRepository.waiting(tx, session.id, 1);
    if (first && first.id !== current.id) {
      await enrolmentsRepository.transition(tx, current.id, ['waitlisted'], { requestedAt: new Date(first.requestedAt.getTime() - 1), updatedAt: ctx.deps.clock.now() });
    }
    await audit(ctx, tx, actor, 'seminare.waitlist_moved', 'seminar_enrolment', current.id, reason);
  });
}
