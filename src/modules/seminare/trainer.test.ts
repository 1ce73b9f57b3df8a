import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { requestEnrolment } from './enrolment.service.js';
import * as attendanceRepository from './attendance.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import { createTestSession, person, setApproval } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2027-02-01T08:00:00Z' });
});
afterAll(async () => ctx?.close());

const base = '/t/neue-wege';

describe('trainer links', () => {
  it('an external trainer records attendance of their session only, through a link shown once and stored hashed', async () => {
    await setApproval(ctx, { approval: 'none' });
    const { sc, office, session, input } = await createTestSession(ctx, { seats: 3, title: 'Deeskalation im Kundenkontakt' });
    const other = await createTestSession(ctx, { seats: 3, title: 'Anderes Seminar' });
    const staff = await person(ctx);
    const enrolment = await requestEnrolment(sc, staff.actor, session.id);
    const otherEnrolment = await requestEnrolment(sc, staff.actor, other.session.id);

    const issue = () => ctx.app.inject({ method: 'POST', url: `${base}/staff/seminare/termine/${session.id}/referentenlink`, cookies: office.cookies, payload: { _csrf: office.csrfToken } });
    const staffTry = await ctx.app.inject({ method: 'POST', url: `${base}/staff/seminare/termine/${session.id}/referentenlink`, cookies: staff.cookies, payload: { _csrf: staff.csrfToken } });
    expect(staffTry.statusCode).toBe(403);
    const first = /\/seminare\/referent\/([A-Za-z0-9_-]{43})/.exec((await issue()).body)![1]!;
    const issued = await issue();
    expect(issued.statusCode).toBe(200);
    const token = /\/seminare\/referent\/([A-Za-z0-9_-]{43})/.exec(issued.body)![1]!;
    expect(token).not.toBe(first);
    // Only the hash is stored; the earlier link no longer opens anything.
    const stored = await sc.tdb.db.execute(`select token_hash from seminar_trainer_links`);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await ctx.app.inject({ url: `${base}/seminare/referent/${first}` })).statusCode).toBe(404);

    const page = await ctx.app.inject({ url: `${base}/seminare/referent/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Deeskalation im Kundenkontakt');
    expect(page.body).not.toContain('Anderes Seminar');

    // Before the day has begun: refused with a message; afterwards recorded.
    const days = await sessionsRepository.days(sc.tdb, [session.id]);
    const early = await ctx.app.inject({ method: 'POST', url: `${base}/seminare/referent/${token}/tage/${days[0]!.id}`, payload: { [`p_${enrolment.id}`]: '100' } });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('erst ab Beginn des Tages');
    ctx.clock.set(new Date(input.days[0]!.endsAt.getTime()));
    const saved = await ctx.app.inject({ method: 'POST', url: `${base}/seminare/referent/${token}/tage/${days[0]!.id}`, payload: { [`p_${enrolment.id}`]: '75', [`p_${otherEnrolment.id}`]: '100' } });
    expect(saved.statusCode).toBe(303);
    const records = await attendanceRepository.ofDays(sc.tdb, [days[0]!.id]);
    expect(records.map((r) => [r.enrolmentId, r.percent, r.recordedBy])).toEqual([[enrolment.id, 75, 'Referent/in (persönlicher Link)']]);

    // Another session's day through this link: not found.
    const otherDays = await sessionsRepository.days(sc.tdb, [other.session.id]);
    expect((await ctx.app.inject({ method: 'POST', url: `${base}/seminare/referent/${token}/tage/${otherDays[0]!.id}`, payload: { [`p_${otherEnrolment.id}`]: '100' } })).statusCode).toBe(404);
    const pdf = await ctx.app.inject({ url: `${base}/seminare/referent/${token}/tage/${days[0]!.id}.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');

    // 14 days after the last day the link has expired.
    ctx.clock.set(new Date(input.days[1]!.endsAt.getTime() + 14 * 86_400_000 + 1000));
    expect((await ctx.app.inject({ url: `${base}/seminare/referent/${token}` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `${base}/seminare/referent/kein-token` })).statusCode).toBe(404);
    ctx.clock.set('2027-02-01T08:00:00Z');
  });

  it('offers no link once the 14 days after the last day are over, and refuses one with a message instead of a dead link', async () => {
    const { office, session } = await createTestSession(ctx, { title: 'Längst vorbei', daysAhead: -20 });
    const page = await ctx.app.inject({ url: `${base}/staff/seminare/termine/${session.id}`, cookies: office.cookies });
    expect(page.body).toContain('Die 14 Tage nach dem letzten Tag sind vorbei');
    expect(page.body).not.toContain('/referentenlink"');
    const refused = await ctx.app.inject({ method: 'POST', url: `${base}/staff/seminare/termine/${session.id}/referentenlink`, cookies: office.cookies, payload: { _csrf: office.csrfToken } });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#f-trainerLink"');
    expect(refused.body).not.toContain('/seminare/referent/');
  });
});
