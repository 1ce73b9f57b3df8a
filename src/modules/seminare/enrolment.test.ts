import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/http/errors.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { teamService } from '../staff/index.js';
import { updateSession, cancelSession } from './catalogue.service.js';
import { acceptOffer, approvalQueue, cancelEnrolment, decide, declineOffer, moveToFront, requestEnrolment } from './enrolment.service.js';
import { expireOffersOfAllTenants } from './jobs.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import { createTestSession, mailsTo, person, seminarCtx, setApproval } from './testing.js';
import { putInTeam } from '../staff/testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2027-02-01T08:00:00Z' });
});
afterAll(async () => ctx?.close());

const HOUR = 3_600_000;
const statusOf = async (id: string) => (await enrolmentsRepository.byId(seminarCtx(ctx).tdb, id))!.status;
const fieldOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).fields.map((f) => f.message);
};

describe('approval chain: team lead, then the training office', () => {
  it('passes a request through both steps with mails, and a rejection needs a reason', async () => {
    await setApproval(ctx, { approval: 'lead_hr', personalratRequired: true });
    const { sc, office } = await createTestSession(ctx, { seats: 5 });
    const { session } = await createTestSession(ctx, { seats: 5 });
    const lead = await person(ctx, ['teamleitung', 'mitarbeitende']);
    const otherLead = await person(ctx, ['teamleitung']);
    const staff = await person(ctx);
    await putInTeam(ctx, 'Team Freigabe', [{ userId: lead.userId, lead: true }, { userId: staff.userId }]);
    expect((await teamService.leadsOf(sc.tdb, staff.userId)).map((l) => l.userId)).toEqual([lead.userId]);

    const request = await requestEnrolment(sc, staff.actor, session.id);
    expect(request.status).toBe('pending_lead');
    expect((await mailsTo(ctx, lead.email, 'seminare.requested')).length).toBe(1);
    expect(await fieldOf(requestEnrolment(sc, staff.actor, session.id))).toEqual(['seminare:enrol.already']);

    // Only the applicant's own team lead decides the first step; the training office waits for it.
    expect((await approvalQueue(sc, lead.actor)).map((e) => e.id)).toEqual([request.id]);
    expect(await approvalQueue(sc, otherLead.actor)).toEqual([]);
    await expect(decide(sc, otherLead.actor, request.id, { approve: true })).rejects.toMatchObject({ status: 403 });
    await expect(decide(sc, office.actor, request.id, { approve: true })).rejects.toMatchObject({ status: 403 });

    expect((await decide(sc, lead.actor, request.id, { approve: true })).status).toBe('pending_hr');
    expect((await mailsTo(ctx, office.email, 'seminare.pendingHr')).length).toBe(1);
    expect((await approvalQueue(sc, office.actor)).map((e) => e.id)).toContain(request.id);
    expect(await fieldOf(decide(sc, office.actor, request.id, { approve: true }))).toEqual(['seminare:approval.personalratRequired']);
    const done = await decide(sc, office.actor, request.id, { approve: true, personalrat: true });
    expect(done.status).toBe('confirmed');
    expect(done.personalratInvolvedAt).not.toBeNull();
    const [confirmation] = await mailsTo(ctx, staff.email, 'seminare.confirmed');
    expect(confirmation!.attachments[0]!.filename).toBe('seminar.ics');
    const ics = Buffer.from(confirmation!.attachments[0]!.content, 'base64').toString();
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain(`UID:seminar-${session.id}-1@`);
    expect(ics).toContain(`UID:seminar-${session.id}-2@`);
    expect(ics).toContain('SEQUENCE:0');

    // A rejection must say why, and the person is told the reason.
    const second = await person(ctx);
    await putInTeam(ctx, 'Team Freigabe', [{ userId: second.userId }]);
    const other = await requestEnrolment(sc, second.actor, session.id);
    expect(await fieldOf(decide(sc, lead.actor, other.id, { approve: false }))).toEqual(['seminare:approval.reasonRequired']);
    await decide(sc, lead.actor, other.id, { approve: false, reason: 'Dienstplan: Urlaubsvertretung' });
    const [rejection] = await mailsTo(ctx, second.email, 'seminare.rejected');
    expect(rejection!.text).toContain('Dienstplan: Urlaubsvertretung');
    expect(await fieldOf(decide(sc, lead.actor, other.id, { approve: true }))).toEqual(['seminare:approval.alreadyDecided']);
  });

  it('skips the team-lead step for a person without a team lead; nobody approves their own request', async () => {
    await setApproval(ctx, { approval: 'lead_hr', personalratRequired: false });
    const { sc, session, office } = await createTestSession(ctx);
    const request = await requestEnrolment(sc, office.actor, session.id);
    expect(request.status).toBe('pending_hr');
    await expect(decide(sc, office.actor, request.id, { approve: true })).rejects.toMatchObject({ status: 403 });
  });
});

describe('waitlist: first come, first served, offers that expire and pass on', () => {
  it('offers a freed seat to the earliest request; an unanswered offer lapses and goes to the next', async () => {
    await setApproval(ctx, { approval: 'none', offerHours: 48 });
    const { sc, session, office, input } = await createTestSession(ctx, { seats: 2 });
    const [a, b, c, d, e] = await Promise.all([person(ctx), person(ctx), person(ctx), person(ctx), person(ctx)]);
    const ids: Record<string, string> = {};
    for (const [name, p] of Object.entries({ a, b, c, d, e })) {
      ids[name] = (await requestEnrolment(sc, p!.actor, session.id)).id;
      ctx.clock.advance(60_000);
    }
    expect([await statusOf(ids.a!), await statusOf(ids.b!), await statusOf(ids.c!), await statusOf(ids.d!)]).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect((await mailsTo(ctx, c!.email, 'seminare.waitlisted')).length).toBe(1);

    // A manual move needs a reason and is audited: e goes before c and d.
    expect(await fieldOf(moveToFront(sc, office.actor, ids.e!, ''))).toEqual(['seminare:approval.reasonRequired']);
    await moveToFront(sc, office.actor, ids.e!, 'Pflichtschulung läuft ab');

    await cancelEnrolment(sc, a!.actor, ids.a!);
    expect(await statusOf(ids.e!)).toBe('offered');
    expect(await statusOf(ids.c!)).toBe('waitlisted');
    const [offer] = await mailsTo(ctx, e!.email, 'seminare.offered');
    expect(offer!.text).toMatch(/bis .*2027/);

    // 47 hours later the offer still stands; after 48 hours the job lapses it and offers the seat to c.
    ctx.clock.advance(47 * HOUR);
    expect(await expireOffersOfAllTenants(ctx.deps)).toBe(0);
    ctx.clock.advance(HOUR);
    expect(await expireOffersOfAllTenants(ctx.deps)).toBe(1);
    expect(await statusOf(ids.e!)).toBe('offer_expired');
    expect(await statusOf(ids.c!)).toBe('offered');
    expect((await mailsTo(ctx, e!.email, 'seminare.offerExpired')).length).toBe(1);
    expect(await fieldOf(acceptOffer(sc, e!.actor, ids.e!))).toEqual(['seminare:offer.expired']);

    // c declines: d is next. d accepts and is confirmed.
    await declineOffer(sc, c!.actor, ids.c!);
    expect(await statusOf(ids.d!)).toBe('offered');
    await expect(acceptOffer(sc, c!.actor, ids.d!)).rejects.toMatchObject({ status: 404 });
    expect((await acceptOffer(sc, d!.actor, ids.d!)).status).toBe('confirmed');

    // More seats: the waitlist moves up by itself (nobody waiting now, so the new seat stays free).
    await updateSession(sc, office.actor, session.id, { ...input, seats: 3 });
    const f = await person(ctx);
    expect((await requestEnrolment(sc, f.actor, session.id)).status).toBe('confirmed');
    expect(await fieldOf(updateSession(sc, office.actor, session.id, { ...input, seats: 2 }))).toEqual(['seminare:session.seatsBelowHeld']);
  });

  it('requests in the same millisecond wait in the order they arrived, not in the order of their random ids', async () => {
    await setApproval(ctx, { approval: 'none', offerHours: 48 });
    const { sc, session, office, input } = await createTestSession(ctx, { seats: 1 });
    const people = await Promise.all(Array.from({ length: 7 }, () => person(ctx)));
    const requestedAt = ctx.clock.now().getTime();
    // The clock stands still: all seven requests carry the same request time.
    const ids: string[] = [];
    for (const p of people) ids.push((await requestEnrolment(sc, p.actor, session.id)).id);
    const rows = await Promise.all(ids.map((id) => enrolmentsRepository.byId(sc.tdb, id)));
    expect(new Set(rows.map((r) => r!.requestedAt.getTime()))).toEqual(new Set([requestedAt]));
    expect(rows.map((r) => r!.status)).toEqual(['confirmed', ...Array(6).fill('waitlisted')]);
    // Six waiting in arrival order: a random order would match with a chance of 1 in 720.
    expect((await enrolmentsRepository.waiting(sc.tdb, session.id, 10)).map((w) => w.id)).toEqual(ids.slice(1));
    // Three more seats go to the next three arrivals.
    await updateSession(sc, office.actor, session.id, { ...input, seats: 4 });
    expect(await Promise.all(ids.map(statusOf))).toEqual(['confirmed', 'offered', 'offered', 'offered', 'waitlisted', 'waitlisted', 'waitlisted']);
  });

  it('the own cancellation of a place ends at the cancellation deadline; changes and cancellation reach the calendars', async () => {
    await setApproval(ctx, { approval: 'none' });
    const { sc, session, office, input } = await createTestSession(ctx, { seats: 1, daysAhead: 10 });
    const p = await person(ctx);
    const q = await person(ctx);
    const mine = await requestEnrolment(sc, p.actor, session.id);
    const waiting = await requestEnrolment(sc, q.actor, session.id);
    expect(waiting.status).toBe('waitlisted');

    const moved = { ...input, room: 'Raum 2.04' };
    await updateSession(sc, office.actor, session.id, moved);
    const [change] = await mailsTo(ctx, p.email, 'seminare.sessionChanged');
    const ics = Buffer.from(change!.attachments[0]!.content, 'base64').toString();
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain(`UID:seminar-${session.id}-1@`);
    expect(ics).toContain('Raum 2.04');

    ctx.clock.set(new Date(input.cancellationDeadline.getTime() + 1000));
    expect(await fieldOf(cancelEnrolment(sc, p.actor, mine.id))).toEqual(['seminare:cancel.deadlinePassed']);
    ctx.clock.set(new Date(input.enrolmentDeadline.getTime() + 1000));
    expect(await fieldOf(requestEnrolment(sc, office.actor, session.id))).toEqual(['seminare:enrol.deadlinePassed']);

    await cancelSession(sc, office.actor, session.id);
    const [cancel] = await mailsTo(ctx, p.email, 'seminare.sessionCancelled');
    const cancelIcs = Buffer.from(cancel!.attachments[0]!.content, 'base64').toString();
    expect(cancelIcs).toContain('METHOD:CANCEL');
    expect(cancelIcs).toContain('SEQUENCE:2');
    expect(await statusOf(waiting.id)).toBe('cancelled');
    expect((await mailsTo(ctx, q.email, 'seminare.sessionCancelledRequest')).length).toBe(1);
    ctx.clock.set('2027-02-01T08:00:00Z');
  });
});
