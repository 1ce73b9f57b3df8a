import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { putInTeam } from '../staff/testing.js';
import { updateSeminar } from './catalogue.service.js';
import { requestEnrolment } from './enrolment.service.js';
import { remindAllTenants } from './jobs.js';
import { issueCertificates, recordAttendance } from './certificates.service.js';
import { sendReminders } from './reminders.js';
import * as sessionsRepository from './sessions.repository.js';
import { createTestSession, mailsTo, person, setApproval } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2027-02-01T08:00:00Z' });
});
afterAll(async () => ctx?.close());

const DAY = 86_400_000;
const later = (days: number) => ctx.clock.set(new Date(ctx.clock.now().getTime() + days * DAY));

describe('reminders', () => {
  it('a pending request reminds its approver after three days, once; a confirmed participant gets the session reminder with the calendar file, once', async () => {
    ctx.clock.set('2027-02-01T08:00:00Z');
    await setApproval(ctx, { approval: 'lead' });
    const { sc, session } = await createTestSession(ctx, { seats: 3, daysAhead: 10 });
    const staff = await person(ctx);
    const lead = await person(ctx, ['teamleitung']);
    await putInTeam(ctx, 'Team Erinnerung', [{ userId: lead.userId, lead: true }, { userId: staff.userId }]);
    await requestEnrolment(sc, staff.actor, session.id);

    later(2);
    await remindAllTenants(ctx.deps);
    expect(await mailsTo(ctx, lead.email, 'seminare.approvalReminder')).toHaveLength(0);
    later(1.5);
    await remindAllTenants(ctx.deps);
    await remindAllTenants(ctx.deps);
    const reminders = await mailsTo(ctx, lead.email, 'seminare.approvalReminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toContain('Erinnerung');

    // Approved directly (one step); two days before the start the session reminder goes out, once.
    await setApproval(ctx, { approval: 'none' });
    const other = await person(ctx);
    await requestEnrolment(sc, other.actor, session.id);
    await sendReminders(sc);
    expect(await mailsTo(ctx, other.email, 'seminare.sessionReminder')).toHaveLength(0);
    later(5);
    await sendReminders(sc);
    await sendReminders(sc);
    const sessionMails = await mailsTo(ctx, other.email, 'seminare.sessionReminder');
    expect(sessionMails).toHaveLength(1);
    expect(JSON.stringify(sessionMails[0]!.attachments)).toContain('text/calendar');
    expect(await mailsTo(ctx, staff.email, 'seminare.sessionReminder')).toHaveLength(0);
  });

  it('a mandatory training tells the person and their team lead when due, and again when it is about to expire', async () => {
    ctx.clock.set('2027-02-01T08:00:00Z');
    await setApproval(ctx, { approval: 'none' });
    const { sc, office, seminar, session, input } = await createTestSession(ctx, { seats: 3, daysAhead: 10, title: 'Datenschutz Pflicht' });
    const staff = await person(ctx);
    const outsider = await person(ctx);
    const lead = await person(ctx, ['teamleitung']);
    const team = await putInTeam(ctx, 'Team Pflicht', [{ userId: lead.userId, lead: true }, { userId: staff.userId }]);
    const { title, description, categoryId, ue, feeCents, prerequisites, targetRoles, mandatoryForRoles, attendanceThresholdPercent } = seminar;
    const fields = { title, description, categoryId, ue, feeCents, prerequisites, targetRoles, mandatoryForRoles, attendanceThresholdPercent };
    await updateSeminar(sc, office.actor, seminar.id, { ...fields, mandatoryForTeams: [team.id], validityMonths: 12, active: true });

    await sendReminders(sc);
    await sendReminders(sc);
    expect(await mailsTo(ctx, staff.email, 'seminare.mandatoryDue')).toHaveLength(1);
    const leadMails = await mailsTo(ctx, lead.email, 'seminare.mandatoryDue');
    expect(leadMails.map((m) => m.text).join()).toContain('Datenschutz Pflicht');
    // The lead is in the team too: one mail about themself, one about the team member.
    expect(leadMails.filter((m) => m.text.includes('aus Ihrem Team') && m.text.includes('Datenschutz Pflicht'))).toHaveLength(1);
    expect(await mailsTo(ctx, outsider.email, 'seminare.mandatoryDue')).toHaveLength(0);

    // Done: a certificate; nothing more until 60 days before the end of its validity (12 months).
    const enrolment = await requestEnrolment(sc, staff.actor, session.id);
    expect(enrolment.status).toBe('confirmed');
    ctx.clock.set(new Date(input.days[1]!.endsAt.getTime() + 3_600_000));
    const days = await sessionsRepository.days(sc.tdb, [session.id]);
    for (const day of days) await recordAttendance(sc, office.actor, session.id, day.id, [{ enrolmentId: enrolment.id, percent: 100 }], 'Test');
    expect(await issueCertificates(sc, office.actor, session.id)).toBe(1);
    later(200);
    await sendReminders(sc);
    expect(await mailsTo(ctx, staff.email, 'seminare.mandatoryExpiring')).toHaveLength(0);
    later(365 - 200 - 50);
    await sendReminders(sc);
    await sendReminders(sc);
    const expiring = await mailsTo(ctx, staff.email, 'seminare.mandatoryExpiring');
    expect(expiring).toHaveLength(1);
    expect(expiring[0]!.text).toMatch(/gültig bis \d/);
    expect((await mailsTo(ctx, lead.email, 'seminare.mandatoryExpiring')).filter((m) => m.text.includes('aus Ihrem Team'))).toHaveLength(1);
    expect(await mailsTo(ctx, staff.email, 'seminare.mandatoryDue')).toHaveLength(1);
  });
});
