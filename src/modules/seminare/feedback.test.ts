// Anonymous feedback after a seminar: offered only to those who attended once the last day is over (link on
// "Meine Seminare" and a mail, once), one answer per participation, stored apart from who answered; results for
// the trainer and the training office only from five answers on, free texts too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { sessionFor } from '../staff/testing.js';
import * as catalogueRepository from './catalogue.repository.js';
import { recordAttendance } from './certificates.service.js';
import { requestEnrolment } from './enrolment.service.js';
import { sendReminders } from './reminders.js';
import * as sessionsRepository from './sessions.repository.js';
import { createTestSession, mailsTo, pagesAs, person, setApproval } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2027-02-01T08:00:00Z' });
});
afterAll(async () => ctx?.close());

describe('feedback after attendance', () => {
  it('is offered to attendees only, anonymous, and shown in aggregate from five answers on', async () => {
    await setApproval(ctx, { approval: 'none' });
    const { sc, session, seminar, office, input } = await createTestSession(ctx, { seats: 8, title: 'Deeskalation am Servicepoint' });
    const { get, post } = pagesAs(ctx);
    const people = await Promise.all(Array.from({ length: 6 }, () => person(ctx)));
    const trainer = await person(ctx, ['trainer']);
    const otherTrainer = await person(ctx, ['trainer']);
    await catalogueRepository.updateSeminar(sc.tdb, seminar.id, { trainerUserId: trainer.userId });
    const ids: string[] = [];
    for (const p of people) ids.push((await requestEnrolment(sc, p.actor, session.id)).id);

    // During the seminar nothing is offered yet.
    ctx.clock.set(new Date(input.days[0]!.endsAt.getTime()));
    const refresh = async () => {
      for (const who of [...people, office, trainer, otherTrainer]) Object.assign(who, await sessionFor(ctx, who.userId));
    };
    await refresh();
    const days = await sessionsRepository.days(sc.tdb, [session.id]);
    // Five attended (one of them partly, on the first day only); the sixth was absent on both days.
    for (const day of days) {
      const entries = ids.map((enrolmentId, i) => ({ enrolmentId, percent: i === 5 || (i === 4 && day.id === days[1]!.id) ? 0 : 100 }));
      if (day.startsAt <= ctx.clock.now()) await recordAttendance(sc, office.actor, session.id, day.id, entries, 'Test');
    }
    expect((await get(people[0]!, '/staff/seminare/meine')).body).not.toContain('Rückmeldung geben');
    expect((await sendReminders(sc)).feedback).toBe(0);

    ctx.clock.set(new Date(input.days[1]!.endsAt.getTime() + 3_600_000));
    await refresh();
    for (const day of days.slice(1)) {
      await recordAttendance(sc, office.actor, session.id, day.id, ids.map((enrolmentId, i) => ({ enrolmentId, percent: i >= 4 ? 0 : 100 })), 'Test');
    }
    const mine = await get(people[0]!, '/staff/seminare/meine');
    expect(mine.body).toContain(`/staff/seminare/anmeldungen/${ids[0]}/rueckmeldung`);
    expect(mine.body).toContain('Rückmeldung geben<span class="kern-sr-only"> für „Deeskalation am Servicepoint“');
    // The absent person gets neither the link nor the page nor a mail.
    expect((await get(people[5]!, '/staff/seminare/meine')).body).not.toContain('Rückmeldung geben');
    expect((await get(people[5]!, `/staff/seminare/anmeldungen/${ids[5]}/rueckmeldung`)).statusCode).toBe(404);
    // Nobody opens someone else's survey.
    expect((await get(people[1]!, `/staff/seminare/anmeldungen/${ids[0]}/rueckmeldung`)).statusCode).toBe(404);

    // One mail per attendee after the last day, once.
    expect((await sendReminders(sc)).feedback).toBe(5);
    expect((await sendReminders(sc)).feedback).toBe(0);
    const [invite] = await mailsTo(ctx, people[0]!.email, 'seminare.feedbackInvite');
    expect(invite!.subject).toBe('Ihre Rückmeldung zu „Deeskalation am Servicepoint“');
    expect(invite!.text).toContain(`/staff/seminare/anmeldungen/${ids[0]}/rueckmeldung`);
    expect(await mailsTo(ctx, people[5]!.email, 'seminare.feedbackInvite')).toEqual([]);

    const form = await get(people[0]!, `/staff/seminare/anmeldungen/${ids[0]}/rueckmeldung`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Ihre Rückmeldung ist anonym');
    const missing = await post(people[0]!, `/staff/seminare/anmeldungen/${ids[0]}/rueckmeldung`, { comment: 'Ohne Bewertung' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#f-rating"');
    expect(missing.body).toContain('Ohne Bewertung</textarea>');

    const answers: [number, string][] = [
      [5, 'Sehr praxisnah.'],
      [4, ''],
      [4, 'Mehr Rollenspiele bitte.'],
      [2, 'Zu kurz.'],
      [5, 'Alles gut.'],
    ];
    const results = () => get(office, `/staff/seminare/seminare/${seminar.id}/rueckmeldungen`);
    for (const [i, [rating, comment]] of answers.entries()) {
      const sent = await post(people[i]!, `/staff/seminare/anmeldungen/${ids[i]}/rueckmeldung`, { rating: String(rating), comment });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toContain('/staff/seminare/meine?notice=feedbackGiven');
      // Answered: the survey is closed, a second answer is refused.
      expect((await post(people[i]!, `/staff/seminare/anmeldungen/${ids[i]}/rueckmeldung`, { rating: '1' })).statusCode).toBe(404);
      if (i === 3) {
        const few = await results();
        expect(few.body).toContain('4 Rückmeldungen');
        expect(few.body).toContain('Noch zu wenige Antworten');
        expect(few.body).not.toContain('Zu kurz.');
        expect(few.body).not.toContain('Durchschnitt');
      }
    }
    expect((await get(people[0]!, '/staff/seminare/meine')).body).not.toContain(`anmeldungen/${ids[0]}/rueckmeldung`);

    const page = await results();
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('5 Rückmeldungen');
    expect(page.body).toContain('Durchschnitt: 4,0 von 5');
    expect(page.body).not.toContain('Noch zu wenige Antworten');
    // Free texts in alphabetical order (not the order of answering), empty ones left out.
    const texts = ['Alles gut.', 'Mehr Rollenspiele bitte.', 'Sehr praxisnah.', 'Zu kurz.'];
    expect(texts.map((x) => page.body.indexOf(x))).toEqual([...texts.map((x) => page.body.indexOf(x))].sort((a, b) => a - b));
    expect(texts.every((x) => page.body.includes(x))).toBe(true);
    // The seminar's trainer sees the same; another trainer and a staff member do not.
    expect((await get(trainer, `/staff/seminare/seminare/${seminar.id}/rueckmeldungen`)).body).toContain('Durchschnitt: 4,0 von 5');
    expect((await get(otherTrainer, `/staff/seminare/seminare/${seminar.id}/rueckmeldungen`)).statusCode).toBe(404);
    expect((await get(people[0]!, `/staff/seminare/seminare/${seminar.id}/rueckmeldungen`)).statusCode).toBe(403);

    // Stored apart: the answers have no column that names a person or a participation, the markers no answer.
    const columns = async (table: string) =>
      ((await ctx.deps.database.db.execute(sql`select column_name from information_schema.columns where table_name = ${table} order by column_name`)) as unknown as { rows: { column_name: string }[] }).rows.map(
        (r) => r.column_name,
      );
    expect(await columns('seminar_feedback')).toEqual(['answered_on', 'comment', 'id', 'rating', 'seminar_id', 'tenant_id']);
    expect(await columns('seminar_feedback_given')).toEqual(['enrolment_id', 'tenant_id']);
  });
});
