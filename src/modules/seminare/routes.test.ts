import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { putInTeam, sessionFor } from '../staff/testing.js';
import { certificateCode } from './certificates.service.js';
import { pdfText } from '#shared/testing/pdf-text.js';
import { searchCatalogue } from './catalogue.service.js';
import { createTestSession, mailsTo, pagesAs, person, seminarCtx, setApproval } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2027-02-01T08:00:00Z' });
});
afterAll(async () => ctx?.close());

const base = '/t/neue-wege';
const get: ReturnType<typeof pagesAs>['get'] = (...args) => pagesAs(ctx).get(...args);
const post: ReturnType<typeof pagesAs>['post'] = (...args) => pagesAs(ctx).post(...args);

/** After the last day (the clock set there): the office records its one participant present on every day and issues the certificate; its id. */
async function certify(s: Awaited<ReturnType<typeof createTestSession>>): Promise<string> {
  Object.assign(s.office, await sessionFor(ctx, s.office.userId));
  const sheet = (await get(s.office, `/staff/seminare/termine/${s.session.id}`)).body;
  const enrolmentId = /name="p_([0-9a-f-]{36})"/.exec(sheet)![1]!;
  for (const [, dayId] of sheet.matchAll(/tage\/([0-9a-f-]{36})"/g)) expect((await post(s.office, `/staff/seminare/termine/${s.session.id}/tage/${dayId}`, { [`p_${enrolmentId}`]: '100' })).statusCode).toBe(303);
  expect((await post(s.office, `/staff/seminare/termine/${s.session.id}/bescheinigungen`)).statusCode).toBe(303);
  const row = await ctx.database.db.execute(sql`select id from seminar_certificates where seminar_title = ${s.seminar.title}`);
  return (row as unknown as { rows: { id: string }[] }).rows[0]!.id;
}

describe('seminare pages', () => {
  it('a staff member finds a seminar, enrols; the team lead and the training office approve; attendance leads to a verifiable certificate', async () => {
    await setApproval(ctx, { approval: 'lead_hr', personalratRequired: false });
    const { session, office, seminar, input } = await createTestSession(ctx, { seats: 3, title: 'Motivierende Gesprächsführung' });
    const staff = await person(ctx);
    const lead = await person(ctx, ['teamleitung']);
    await putInTeam(ctx, 'Team Seiten', [{ userId: lead.userId, lead: true }, { userId: staff.userId }]);

    const list = await get(staff, '/staff/seminare?q=gespräch');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toContain('Motivierende Gesprächsführung');
    expect((await get(staff, '/staff/seminare?q=keinTreffer')).body).not.toContain('Motivierende Gesprächsführung');

    const enrol = await post(staff, `/staff/seminare/termine/${session.id}/anmelden`);
    expect(enrol.statusCode).toBe(303);
    const requests = (await get(staff, '/staff/seminare/meine')).body;
    expect(requests).toContain('Wartet auf die Teamleitung');
    // On a phone each cell is labelled with its column (stacked table).
    expect(requests).toContain('data-label="Stand"');
    // The catalogue no longer offers to enrol in it, but says where the request stands; others still get the button.
    const enrolled = await get(staff, '/staff/seminare?q=gespräch');
    expect(enrolled.body).toContain('Ihre Anmeldung: Wartet auf die Teamleitung.');
    // A request awaiting approval holds no seat (ADR 0391): the count stays, and the line says so.
    expect(enrolled.body).toContain('3 von 3 Plätzen frei');
    expect(enrolled.body).toContain('Einen Platz bekommt sie erst mit der Freigabe; ist dann keiner mehr frei, kommt sie auf die Warteliste.');
    expect((await get(staff, '/staff/seminare?q=gespräch&lang=en')).body).toContain('Your request: Waiting for the team lead. It gets a place only once it is approved;');
    expect(enrolled.body).not.toContain(`termine/${session.id}/anmelden`);
    expect((await get(lead, '/staff/seminare?q=gespräch')).body).toContain(`termine/${session.id}/anmelden`);
    const again = await post(staff, `/staff/seminare/termine/${session.id}/anmelden`);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Sie sind für diesen Termin schon angemeldet.');

    const queue = await get(lead, '/staff/seminare/freigaben');
    expect(queue.headers['cache-control']).toBe('no-store');
    const id = /freigaben\/([0-9a-f-]{36})/.exec(queue.body)![1]!;
    const noReason = await post(lead, `/staff/seminare/freigaben/${id}`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('href="#f-reason"');
    expect((await post(lead, `/staff/seminare/freigaben/${id}`, { decision: 'approve' })).statusCode).toBe(303);
    expect((await get(staff, '/staff/seminare/freigaben')).statusCode).toBe(403);
    expect((await post(office, `/staff/seminare/freigaben/${id}`, { decision: 'approve' })).statusCode).toBe(303);
    expect((await get(staff, '/staff/seminare/meine')).body).toContain('Bestätigt');
    const placed = (await get(staff, '/staff/seminare?q=gespräch')).body;
    expect(placed).toContain('2 von 3 Plätzen frei');
    expect(placed).toContain('Ihre Anmeldung: Bestätigt.');
    expect(placed).not.toContain('erst mit der Freigabe');

    // Attendance on both days after the seminar; then the certificate and its public check.
    ctx.clock.set(new Date(input.days[1]!.endsAt.getTime() + 3_600_000));
    Object.assign(office, await sessionFor(ctx, office.userId));
    Object.assign(staff, await sessionFor(ctx, staff.userId));
    Object.assign(lead, await sessionFor(ctx, lead.userId));
    const sheet = await get(office, `/staff/seminare/termine/${session.id}`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['cache-control']).toBe('no-store');
    const dayIds = [...sheet.body.matchAll(/tage\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(dayIds.length).toBe(2);
    expect((await post(office, `/staff/seminare/termine/${session.id}/bescheinigungen`)).statusCode).toBe(303);
    expect((await get(office, `/staff/seminare/termine/${session.id}`)).body).toContain('0 % anwesend');
    for (const day of dayIds) expect((await post(office, `/staff/seminare/termine/${session.id}/tage/${day}`, { [`p_${id}`]: '100' })).statusCode).toBe(303);
    expect((await post(office, `/staff/seminare/termine/${session.id}/bescheinigungen`)).statusCode).toBe(303);

    const mine = await get(staff, '/staff/seminare/meine');
    const certId = /bescheinigungen\/([0-9a-f-]{36})\.pdf/.exec(mine.body)![1]!;
    expect(mine.body).toContain('<td class="kern-table__cell">8</td>');
    const pdf = await get(staff, `/staff/seminare/bescheinigungen/${certId}.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf.rawPayload)).toContain('Termine:');
    expect((await get(lead, `/staff/seminare/bescheinigungen/${certId}.pdf`)).statusCode).toBe(404);

    const code = certificateCode(ctx.deps.config.secretKey, certId);
    const valid = await ctx.app.inject({ url: `${base}/seminare/nachweis?code=${code.toLowerCase().replaceAll('-', ' ')}` });
    expect(valid.body).toContain('Die Bescheinigung ist gültig.');
    expect(valid.headers['cache-control']).toBe('no-store');
    expect(valid.body).toContain(seminar.title);
    const invalid = await ctx.app.inject({ url: `${base}/seminare/nachweis?code=AAAA-BBBB-CCCC-DDDD` });
    expect(invalid.body).toContain('keine gültige Bescheinigung');
    expect((await ctx.app.inject({ url: `/t/${ctx.otherTenant.slug}/seminare/nachweis?code=${code}` })).body).toContain('keine gültige Bescheinigung');

    // Revocation: the training office only, a reason is required; the public check then says "widerrufen".
    const revokeUrl = `/staff/seminare/bescheinigungen/${certId}/widerrufen`;
    expect((await get(office, `/staff/seminare/termine/${session.id}`)).body).toContain(revokeUrl);
    expect((await get(staff, revokeUrl)).statusCode).toBe(403);
    expect((await post(staff, revokeUrl, { reason: 'x' })).statusCode).toBe(403);
    const revokeForm = await get(office, revokeUrl);
    expect(revokeForm.body).toContain(seminar.title);
    const noRevokeReason = await post(office, revokeUrl, { reason: ' ' });
    expect(noRevokeReason.statusCode).toBe(422);
    expect(noRevokeReason.body).toContain('href="#f-reason"');
    expect((await ctx.app.inject({ url: `${base}/seminare/nachweis?code=${code}` })).body).toContain('Die Bescheinigung ist gültig.');
    const revoked = await post(office, revokeUrl, { reason: 'Anwesenheit falsch erfasst' });
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe(`${base}/staff/seminare/termine/${session.id}?notice=revoked`);
    const after = await ctx.app.inject({ url: `${base}/seminare/nachweis?code=${code}` });
    expect(after.body).toContain('Diese Bescheinigung wurde widerrufen');
    expect(after.body).not.toContain(seminar.title);
    const api = await ctx.app.inject({ url: `/api/v1/t/neue-wege/seminar-certificates/verification?code=${code}` });
    expect(api.json()).toEqual({ valid: false, revoked: true });
    expect((await post(office, revokeUrl, { reason: 'noch einmal' })).statusCode).toBe(422);
    expect((await get(staff, '/staff/seminare/meine')).body).not.toContain(`bescheinigungen/${certId}.pdf`);
    ctx.clock.set('2027-02-01T08:00:00Z');
  });

  it('says "Termin:" for a one-day session and "Termine:" for two days, in the confirmation and on the certificate (there counted from the days, whatever the stored text looks like)', async () => {
    await setApproval(ctx, { approval: 'none' });
    const one = await createTestSession(ctx, { days: 1, title: 'Ein Tag' });
    const two = await createTestSession(ctx, { title: 'Zwei Tage' });
    const staff = await person(ctx);
    for (const s of [one, two]) expect((await post(staff, `/staff/seminare/termine/${s.session.id}/anmelden`)).statusCode).toBe(303);
    const [oneDay, twoDays] = await mailsTo(ctx, staff.email, 'seminare.confirmed');
    expect(oneDay!.text).toContain('„Ein Tag“ ist bestätigt.\nTermin: ');
    expect(oneDay!.text).not.toContain('Termine:');
    expect(twoDays!.text).toContain('\nTermine: ');

    ctx.clock.set(new Date(two.input.days[1]!.endsAt.getTime() + 3_600_000));
    Object.assign(staff, await sessionFor(ctx, staff.userId));
    const [oneId, twoId] = [await certify(one), await certify(two)];
    const pdf = async (id: string) => pdfText((await get(staff, `/staff/seminare/bescheinigungen/${id}.pdf`)).rawPayload);
    const labels = async () => [/Termine?:/.exec(await pdf(oneId))?.[0], /Termine?:/.exec(await pdf(twoId))?.[0]];
    expect(await labels()).toEqual(['Termin:', 'Termine:']);
    // The stored text written another way: one day with a "; " inside, two days without the "; " between them.
    await ctx.database.db.execute(sql`update seminar_certificates set dates = replace(dates, ', ', '; ') where id = ${oneId}`);
    await ctx.database.db.execute(sql`update seminar_certificates set dates = replace(dates, '; ', ' und ') where id = ${twoId}`);
    expect(await pdf(oneId)).toMatch(/2027; 09:00/);
    expect(await pdf(twoId)).toMatch(/ und \d/);
    expect(await labels()).toEqual(['Termin:', 'Termine:']);
    // Issued at 00:30 in Berlin: the certificate bears that Berlin day, not the UTC date of the day before.
    await ctx.database.db.execute(sql`update seminar_certificates set issued_at = '2027-02-16T23:30:00Z' where id = ${oneId}`);
    expect(await pdf(oneId)).toMatch(/Ausgestellt am:\s*17\.02\.2027/);
    ctx.clock.set('2027-02-01T08:00:00Z');
  });

  it('names a wrong category or search of the catalogue filter at its field and still applies the other one', async () => {
    await createTestSession(ctx, { title: 'Filterprobe Alpha' });
    const beta = await createTestSession(ctx, { title: 'Filterprobe Beta' });
    const staff = await person(ctx);

    const wrongCategory = await get(staff, '/staff/seminare?q=filterprobe+alpha&kategorie=kaputt&alle=1');
    expect(wrongCategory.statusCode).toBe(422);
    expect(wrongCategory.body).toContain('<a class="kern-link" href="#f-kategorie">Kategorie: Diese Kategorie gibt es nicht. Bitte wählen Sie eine Kategorie aus der Liste.</a>');
    expect(wrongCategory.body).toMatch(/<select[^>]*id="f-kategorie"[^>]*aria-invalid="true"/);
    expect(wrongCategory.body).toContain('Filterprobe Alpha');
    expect(wrongCategory.body).not.toContain('Filterprobe Beta');
    expect(wrongCategory.body).toMatch(/<input[^>]*id="f-q"[^>]*value="filterprobe alpha"/);
    expect((await get(staff, '/staff/seminare?q=filterprobe+alpha&kategorie=kaputt&lang=en')).body).toContain('href="#f-kategorie">Category: There is no such category. Please choose a category from the list.</a>');
    // A well-formed id of no category of this jobcenter: named the same way, not an empty catalogue.
    const otherCategory = await get(staff, '/staff/seminare?q=filterprobe+alpha&kategorie=00000000-0000-4000-8000-000000000000&alle=1');
    expect(otherCategory.statusCode).toBe(422);
    expect(otherCategory.body).toContain('href="#f-kategorie">Kategorie: Diese Kategorie gibt es nicht.');
    expect(otherCategory.body).toContain('Filterprobe Alpha');
    // The JSON API keeps the category as a filter: no seminar of this jobcenter is of that one.
    const listed = async (category: string) =>
      (await ctx.app.inject({ url: `/api/v1${base}/staff/seminars?q=filterprobe&category=${category}`, cookies: staff.cookies })).json<{ title: string }[]>().map((s) => s.title);
    expect(await listed('00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(await listed(beta.seminar.categoryId)).toEqual(['Filterprobe Beta']);
    // The service finds the unknown category and leaves it out itself; the route only names the field.
    const found = await searchCatalogue(seminarCtx(ctx), staff.actor, { q: 'filterprobe', categoryId: 'kaputt', all: true });
    expect({ unknownCategory: found.unknownCategory, categoryId: found.categoryId, titles: found.seminars.map((s) => s.title) }).toEqual({
      unknownCategory: true,
      categoryId: undefined,
      titles: ['Filterprobe Alpha', 'Filterprobe Beta'],
    });

    const wrongSearch = await get(staff, `/staff/seminare?q=${'x'.repeat(101)}&kategorie=${beta.seminar.categoryId}&alle=1`);
    expect(wrongSearch.statusCode).toBe(422);
    expect(wrongSearch.body).toContain('<a class="kern-link" href="#f-q">Suche: Bitte geben Sie höchstens 100 Zeichen ein.</a>');
    expect(wrongSearch.body).toContain('Filterprobe Beta');
    expect(wrongSearch.body).not.toContain('Filterprobe Alpha');
    expect(wrongSearch.body).toContain(`<option value="${beta.seminar.categoryId}" selected>`);

    const all = await get(staff, '/staff/seminare?q=filterprobe&kategorie=&alle=1');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Filterprobe Beta');
    expect(all.body).not.toContain('href="#f-kategorie"');
  });

  it('shows the catalogue’s English dates in British order with a 24-hour clock', async () => {
    // Now 1 Feb 2027: the first day starts on 15 Feb at 09:00 Berlin time (16:00 the end), enrolment closes on 12 Feb.
    await createTestSession(ctx, { title: 'Datumsformat im Katalog' });
    const staff = await person(ctx);
    const en = await get(staff, '/staff/seminare?q=datumsformat&lang=en');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('15 Feb 2027, 09:00–16:00');
    expect(en.body).toContain('Enrol by 12 Feb 2027');
    expect(en.body).not.toContain('Feb 15, 2027');
    const de = await get(staff, '/staff/seminare?q=datumsformat');
    expect(de.body).toContain('15. Feb. 2027, 09:00–16:00');
  });
});
