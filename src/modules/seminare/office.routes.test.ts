import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSummaryEntries, fieldMessages } from '#shared/testing/error-summary.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { putInTeam } from '../staff/testing.js';
import { requestEnrolment } from './enrolment.service.js';
import * as catalogueRepository from './catalogue.repository.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import { createTestSession, mailsTo, pagesAs, person, seminarCtx, setApproval } from './testing.js';
import { createCategory } from './catalogue.service.js';
import type { SeminarEnrolment } from './seminare.tables.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2027-02-01T08:00:00Z' });
});
afterAll(async () => ctx?.close());

const get: ReturnType<typeof pagesAs>['get'] = (...args) => pagesAs(ctx).get(...args);
const post: ReturnType<typeof pagesAs>['post'] = (...args) => pagesAs(ctx).post(...args);

const sessionForm = {
  room: 'Raum 2.04',
  onlineUrl: '',
  seats: '1',
  minParticipants: '',
  enrolmentDeadline: '2027-03-01',
  cancellationDeadline: '2027-03-05',
  day1Date: '2027-03-10',
  day1From: '09:00',
  day1To: '16:00',
  day2Date: '2027-03-11',
  day2From: '09:00',
  day2To: '12:30',
};

describe('training office forms', () => {
  it('creates a seminar with target and mandatory teams, a two-day session, and edits both; bad input names the field', async () => {
    const office = await person(ctx, ['personalentwicklung']);
    const staff = await person(ctx);
    const team = await putInTeam(ctx, 'Team Markt', [{ userId: staff.userId }]);
    const sc = seminarCtx(ctx);
    const category = await createCategory(sc, office.actor, 'Datenschutz (Formular)');

    expect((await get(staff, '/staff/seminare/seminare/neu')).statusCode).toBe(403);
    const form = await get(office, '/staff/seminare/seminare/neu');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Team Markt');

    const bad = await post(office, '/staff/seminare/seminare', { title: '', categoryId: '', ue: 'acht', fee: '12,345', attendanceThresholdPercent: '80' });
    expect(bad.statusCode).toBe(422);
    for (const field of ['title', 'categoryId', 'ue', 'fee']) expect(bad.body).toContain(`href="#f-${field}"`);
    expect(bad.body).toContain('Bitte geben Sie die Gebühr als Betrag in Euro an');
    expect(bad.body).toContain('value="12,345"');
    expect(await catalogueRepository.seminarByTitle(sc.tdb, 'Datenschutz kompakt')).toBeUndefined();

    const saved = await post(office, '/staff/seminare/seminare', {
      title: 'Datenschutz kompakt',
      description: 'Grundlagen nach DSGVO',
      categoryId: category.id,
      ue: '4',
      externalTrainer: 'Dr. Erika Beispiel',
      fee: '120,50',
      targetRoles: ['sachbearbeitung', 'servicepoint'],
      targetTeams: team.id,
      mandatoryForTeams: team.id,
      validityMonths: '24',
      attendanceThresholdPercent: '100',
      active: 'on',
    });
    expect(saved.statusCode).toBe(303);
    const seminar = (await catalogueRepository.seminarByTitle(sc.tdb, 'Datenschutz kompakt'))!;
    expect(seminar).toMatchObject({ ue: 4, feeCents: 12050, externalTrainer: 'Dr. Erika Beispiel', targetRoles: ['sachbearbeitung', 'servicepoint'], targetTeams: [team.id], mandatoryForTeams: [team.id], validityMonths: 24, attendanceThresholdPercent: 100, active: true });

    // The mandatory rule reaches the team member's training account.
    expect((await get(staff, '/staff/seminare/meine')).body).toMatch(/Datenschutz kompakt[\s\S]*Fällig/);

    const edit = await get(office, `/staff/seminare/seminare/${seminar.id}/bearbeiten`);
    expect(edit.body).toContain('value="120,50"');
    expect((await post(office, `/staff/seminare/seminare/${seminar.id}`, { title: 'Datenschutz kompakt', categoryId: category.id, ue: '5', fee: '', attendanceThresholdPercent: '90' })).statusCode).toBe(303);
    expect(await catalogueRepository.seminarById(sc.tdb, seminar.id)).toMatchObject({ ue: 5, feeCents: 0, active: false, externalTrainer: null, mandatoryForTeams: [] });

    // A session: an incomplete day and no place are refused, with the field named.
    const incomplete = await post(office, `/staff/seminare/seminare/${seminar.id}/termine`, { ...sessionForm, room: '', day2To: '' });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.body).toContain('href="#f-day2Date"');
    // The summary names the field: the same message stands for five days and two deadlines.
    expect(incomplete.body).toMatch(/href="#f-day2Date">Datum \(Tag 2\): /);
    // The summary follows the form (place, seats, deadlines, days), though the place is checked after the fields.
    const several = await post(office, `/staff/seminare/seminare/${seminar.id}/termine`, { ...sessionForm, room: '', seats: '0', cancellationDeadline: 'x', day2To: '' });
    expect(errorSummaryEntries(several.body).map((entry) => entry.split(': ')[0])).toEqual(['Raum', 'Plätze', 'Stornierung bis (einschließlich)', 'Datum (Tag 2)']);
    const badDeadline = await post(office, `/staff/seminare/seminare/${seminar.id}/termine`, { ...sessionForm, enrolmentDeadline: '31.02.' });
    expect(badDeadline.body).toMatch(/href="#f-enrolmentDeadline">Anmeldung bis \(einschließlich\): Bitte geben Sie ein gültiges Datum an\./);
    const noPlace = await post(office, `/staff/seminare/seminare/${seminar.id}/termine`, { ...sessionForm, room: '' });
    expect(noPlace.statusCode).toBe(422);
    expect(noPlace.body).toContain('Bitte geben Sie einen Raum oder einen Online-Link an.');
    // One of the two is required, so neither is marked optional; the group's hint says so.
    const place = /<fieldset[^>]*aria-describedby="session-place-hint"[^>]*>([\s\S]*?)<\/fieldset>/.exec(noPlace.body)?.[1] ?? '';
    expect(place).toContain('Raum oder Online-Link (oder beides)');
    expect(place).toContain('Online-Link');
    expect(place).not.toContain('kern-label__optional');
    expect(place).not.toContain('freiwillig');
    const noDay = await post(office, `/staff/seminare/seminare/${seminar.id}/termine`, { ...sessionForm, day1Date: '', day1From: '', day1To: '', day2Date: '', day2From: '', day2To: '' });
    expect(noDay.body).toContain('href="#f-day1Date"');
    // A day whose date is no date and which has no times has two problems: both are told at once, in the summary and
    // at the field, which names both messages.
    const twoProblems = await post(office, `/staff/seminare/seminare/${seminar.id}/termine`, { ...sessionForm, day3Date: '31.02.2027' });
    expect(twoProblems.statusCode).toBe(422);
    expect(errorSummaryEntries(twoProblems.body)).toEqual(['Datum (Tag 3): Bitte geben Sie ein gültiges Datum an.', 'Datum (Tag 3): Bitte geben Sie für diesen Tag Datum, Beginn und Ende an.']);
    expect(fieldMessages(twoProblems.body)).toEqual([
      ['f-day3Date-error', 'Bitte geben Sie ein gültiges Datum an.'],
      ['f-day3Date-error-2', 'Bitte geben Sie für diesen Tag Datum, Beginn und Ende an.'],
    ]);
    expect(twoProblems.body).toMatch(/<input[^>]*id="f-day3Date"[^>]*aria-describedby="f-day3Date-hint f-day3Date-error f-day3Date-error-2"[^>]*aria-invalid="true"/);
    expect((await post(office, `/staff/seminare/seminare/${seminar.id}/termine`, sessionForm)).statusCode).toBe(303);

    const list = await get(office, '/staff/seminare');
    const sessionId = new RegExp(`termine/([0-9a-f-]{36})/bearbeiten"[^>]*>Termin bearbeiten<span class="kern-sr-only"> für „Datenschutz kompakt“`).exec(list.body)?.[1];
    expect(sessionId).toBeDefined();
    const editSession = await get(office, `/staff/seminare/termine/${sessionId}/bearbeiten`);
    expect(editSession.body).toContain('value="11.03.2027"');
    expect(editSession.body).toContain('value="12:30"');
    // Berlin wall-clock: 09:00 in March (CET) is 08:00 UTC; the deadline includes its whole day.
    const days = await sessionsRepository.days(sc.tdb, [sessionId!]);
    expect(days.map((d) => [d.startsAt.toISOString(), d.endsAt.toISOString()])).toEqual([
      ['2027-03-10T08:00:00.000Z', '2027-03-10T15:00:00.000Z'],
      ['2027-03-11T08:00:00.000Z', '2027-03-11T11:30:00.000Z'],
    ]);
    expect((await sessionsRepository.byId(sc.tdb, sessionId!))!.enrolmentDeadline.toISOString()).toBe('2027-03-01T22:59:59.999Z');
  });

  it('raising the seats offers the freed places to the waitlist in order; cancelling tells everyone', async () => {
    await setApproval(ctx, { approval: 'none' });
    const { sc, office, session } = await createTestSession(ctx, { seats: 1, title: 'Kollegiale Beratung' });
    const people = [await person(ctx), await person(ctx), await person(ctx)];
    const requests: SeminarEnrolment[] = [];
    // One minute apart, as real requests are: the waitlist is first come, first served by request time.
    for (const p of people) {
      requests.push(await requestEnrolment(sc, p.actor, session.id));
      ctx.clock.advance(60_000);
    }
    const edit = await get(office, `/staff/seminare/termine/${session.id}/bearbeiten`);
    const values = Object.fromEntries([...edit.body.matchAll(/name="([a-zA-Z0-9]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    expect(values.seats).toBe('1');

    const fewer = await post(office, `/staff/seminare/termine/${session.id}/bearbeiten`, { ...values, seats: '0' });
    expect(fewer.statusCode).toBe(422);
    expect(fewer.body).toContain('href="#f-seats"');

    expect((await post(office, `/staff/seminare/termine/${session.id}/bearbeiten`, { ...values, seats: '2' })).statusCode).toBe(303);
    const status = async (i: number) => (await enrolmentsRepository.byId(sc.tdb, requests[i]!.id))!.status;
    expect([await status(0), await status(1), await status(2)]).toEqual(['confirmed', 'offered', 'waitlisted']);
    expect(await mailsTo(ctx, people[1]!.email, 'seminare.offered')).toHaveLength(1);
    expect(await mailsTo(ctx, people[0]!.email, 'seminare.sessionChanged')).toHaveLength(1);

    const unconfirmed = await post(office, `/staff/seminare/termine/${session.id}/absagen`, {});
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('href="#f-confirm"');
    expect((await post(office, `/staff/seminare/termine/${session.id}/absagen`, { confirm: 'on' })).statusCode).toBe(303);
    expect([await status(0), await status(1), await status(2)]).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const cancel = await mailsTo(ctx, people[0]!.email, 'seminare.sessionCancelled');
    expect(cancel).toHaveLength(1);
  });

  it('each Anmelden button carries the seminar and the date in its accessible name', async () => {
    const staff = await person(ctx);
    await createTestSession(ctx, { seats: 3, title: 'Gesprächsführung A' });
    await createTestSession(ctx, { seats: 3, title: 'Gesprächsführung B' });
    const body = (await get(staff, '/staff/seminare?q=Gesprächsführung')).body;
    const names = [...body.matchAll(/<button[^>]*><span class="kern-label">([\s\S]*?)<\/span><\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const enrol = names.filter((n) => n.startsWith('Anmelden'));
    expect(enrol).toEqual(['Anmelden für „Gesprächsführung A“ am 15. Feb. 2027', 'Anmelden für „Gesprächsführung B“ am 15. Feb. 2027']);
  });

  it('offers no Anmelden button after the enrolment deadline and says that it has passed', async () => {
    const staff = await person(ctx);
    await createTestSession(ctx, { title: 'Verspätete Schulung', daysAhead: 2 });
    const body = (await get(staff, '/staff/seminare?q=Verspätete')).body;
    expect(body).toContain('Verspätete Schulung');
    expect(body).toContain('Anmeldeschluss war am 31. Jan. 2027');
    expect(body).not.toContain('/anmelden"');
  });

  it('an empty form names every missing field at once, the category in words in both languages', async () => {
    const office = await person(ctx, ['personalentwicklung']);
    const { seminar } = await createTestSession(ctx, { title: 'Leeres Formular' });

    const emptySession = await post(office, `/staff/seminare/seminare/${seminar.id}/termine`, {});
    expect(emptySession.statusCode).toBe(422);
    // In the form's order: the room first, the days last.
    expect(errorSummaryEntries(emptySession.body)).toEqual([
      'Raum: Bitte geben Sie einen Raum oder einen Online-Link an.',
      'Plätze: Bitte geben Sie die Plätze als ganze Zahl von 1 bis 1000 an.',
      'Anmeldung bis (einschließlich): Bitte geben Sie ein gültiges Datum an.',
      'Stornierung bis (einschließlich): Bitte geben Sie ein gültiges Datum an.',
      'Datum (Tag 1): Bitte geben Sie mindestens einen Tag an.',
    ]);

    for (const [lang, text] of [['de', 'Kategorie: Bitte wählen Sie eine Kategorie.'], ['en', 'Category: Please choose a category.']] as const) {
      const emptySeminar = await ctx.app.inject({ method: 'POST', url: `/t/${ctx.tenant.slug}/staff/seminare/seminare`, cookies: office.cookies, headers: { 'accept-language': lang }, payload: { _csrf: office.csrfToken } });
      expect(emptySeminar.statusCode).toBe(422);
      expect(errorSummaryEntries(emptySeminar.body)).toContain(text);
    }
  });
});
