// The citizen pages through HTTP, as a browser without JavaScript uses them.
import { sql } from 'drizzle-orm';
import { renderOutbox } from '#shared/mail/outbox.js';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { bookingCode } from './booking-code.js';
import { createTestLocation, liftLimits, type TestLocation } from './testing.js';

let ctx: TestContext;
let place: TestLocation;
const base = '/t/neue-wege/termine';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  await liftLimits(ctx.deps, ctx.tenant);
  place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
});
afterAll(async () => ctx?.close());

const get = (url: string, cookie?: string, lang = 'de') => ctx.app.inject({ method: 'GET', url, headers: { 'accept-language': lang, ...(cookie ? { cookie } : {}) } });
const post = (url: string, payload: Record<string, string | string[]>, cookie?: string) =>
  ctx.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
const field = (body: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(body)?.[1];
/** The href of the switch to English on a page (attribute values come HTML-escaped). */
const englishLink = (body: string) => /<a class="kern-link" href="([^"]+)" hreflang="en"/.exec(body)![1]!.replace(/&amp;/g, '&');
const cookieOf = (res: LightMyRequestResponse) => String(res.headers['set-cookie']).split(';')[0]!;

/** Steps 5–7 for a time at the test location: returns the journey cookie and the check page. */
async function holdAndFill(startsAt: string, email = 'erika@example.org', at: TestLocation = place) {
  const held = await post(`${base}/zeit`, { service: at.serviceId, location: at.locationId, persons: '1', startsAt });
  expect(held.statusCode).toBe(303);
  const cookie = cookieOf(held);
  expect(cookie).toMatch(/^ww_termin=[A-Za-z0-9_-]{43}$/);
  expect(String(held.headers['set-cookie'])).toMatch(/HttpOnly/i);
  const saved = await post(`${base}/kontakt`, { name: 'Erika Muster', email, phone: '', bgNummer: '' }, cookie);
  expect(saved.headers.location).toBe(`${base}/pruefen`);
  return { cookie, check: await get(`${base}/pruefen`, cookie) };
}

describe('booking journey without JavaScript', () => {
  for (const lang of ['de', 'en']) {
    it(`walks from concern to confirmation in ${lang}, with personal data never in a URL`, async () => {
      const start = await get(base, undefined, lang);
      expect(start.body).toContain(lang === 'de' ? 'Worum geht es bei Ihrem Termin?' : 'What is your appointment about?');
      const service = field(start.body, 'service')!;
      const locations = await get(`${base}/standort?service=${service}`, undefined, lang);
      expect(locations.body).toContain('Servicepoint Heppenheim');
      const location = field(locations.body, 'location')!;
      expect((await get(`${base}/personen?service=${service}&location=${location}`, undefined, lang)).statusCode).toBe(200);
      const day = await get(`${base}/tag?service=${service}&location=${location}&persons=1`, undefined, lang);
      expect(day.body).toContain(lang === 'de' ? 'Nächster freier Termin' : 'Next free appointment');
      expect(day.body).toContain(lang === 'de' ? 'Donnerstag, 26. November 2026, 08:00 Uhr' : 'Thursday, 26 November 2026, 08:00');
      const times = await get(/href="([^"]*\/zeit\?[^"]+)"/.exec(day.body)![1]!.replace(/&amp;/g, '&'), undefined, lang);
      const startsAt = field(times.body, 'startsAt')!;
      const held = await post(`${base}/zeit`, { service, location, persons: '1', startsAt });
      const cookie = cookieOf(held);
      const contact = await get(`${base}/kontakt`, cookie, lang);
      expect(contact.headers['cache-control']).toBe('no-store');
      expect(contact.body).toContain('data-hold-expires="2026-11-25T09:10:00.000Z"');
      const email = `${lang}-journey@example.org`;
      const saved = await post(`${base}/kontakt`, { name: 'Erika Muster', email, phone: '06252 123456', bgNummer: '12345BG0012345' }, cookie);
      const check = await get(`${base}/pruefen`, cookie, lang);
      expect(check.body).toContain(email);
      expect(check.headers['cache-control']).toBe('no-store');
      expect(check.body).toContain('12345BG0012345');
      const booked = await post(`${base}/buchen`, { formToken: field(check.body, 'formToken')! }, cookie);
      expect(booked.headers.location).toBe(`${base}/gebucht`);
      const done = await get(`${base}/gebucht`, cookie, lang);
      expect(done.body).toContain(lang === 'de' ? 'Ihr Termin ist gebucht' : 'Your appointment is booked');
      expect(done.headers['cache-control']).toBe('no-store');
      expect(done.body).toContain(lang === 'de' ? 'Personalausweis' : 'Identity card');
      // The check-in code the Servicepoint kiosk and desk look up is on the page and in the mail.
      const code = /<strong>([0-9A-Z]{4}-[0-9A-Z]{4})<\/strong>/.exec(done.body)?.[1];
      expect(code).toBeDefined();
      await renderOutbox(ctx.deps);
      const mail = await ctx.database.db.execute(sql`select text from outbox_messages where "to" = ${email} and kind = 'termine.confirmation'`);
      expect(String((mail as unknown as { rows: { text: string }[] }).rows[0]!.text)).toContain(code!);
      const row = await ctx.database.db.execute(sql`select id from termin_appointments where email = ${email}`);
      const appointmentId = String((row as unknown as { rows: { id: string }[] }).rows[0]!.id);
      expect(code).toBe(bookingCode(ctx.deps.config.secretKey, ctx.tenant.id, appointmentId));
      for (const res of [held, saved, booked]) expect(String(res.headers.location)).not.toMatch(/@|Erika|Muster|12345BG/);
      const ics = await get(`${base}/gebucht/termin.ics`, cookie);
      expect(ics.headers['content-type']).toContain('text/calendar');
      expect(ics.headers['cache-control']).toBe('no-store');
      expect(ics.body).toContain('DTSTART;TZID=Europe/Berlin:20261126T');
    });
  }

  it('names the missing field on every step (422, error summary linking to the field)', async () => {
    const noService = await get(`${base}/standort`);
    expect(noService.statusCode).toBe(422);
    expect(noService.body).toContain('href="#f-service"');
    expect(noService.body).toContain('<title>Fehler:');
    const noLocation = await get(`${base}/personen?service=${place.serviceId}`);
    expect(noLocation.statusCode).toBe(422);
    expect(noLocation.body).toContain('href="#f-location"');
    const badPersons = await get(`${base}/tag?service=${place.serviceId}&location=${place.locationId}&persons=7`);
    expect(badPersons.statusCode).toBe(422);
    expect(badPersons.body).toContain('Bitte wählen Sie 1, 2 oder 3 Personen.');
    const noTime = await post(`${base}/zeit`, { service: place.serviceId, location: place.locationId, persons: '1', date: '2026-11-27' });
    expect(noTime.statusCode).toBe(422);
    expect(noTime.body).toContain('Bitte wählen Sie eine Uhrzeit.');
    // The language switch leads to the times of that day with the choices made, not to the start (ADR 0315).
    const english = englishLink(noTime.body);
    expect(english).toBe(`${base}/zeit?service=${place.serviceId}&location=${place.locationId}&persons=1&date=2026-11-27&lang=en`);
    expect((await get(english)).body).toContain('<html lang="en"');
    expect((await get(english)).body).toContain('name="startsAt"');
    const sunday = await post(`${base}/zeit`, { service: place.serviceId, location: place.locationId, persons: '1', startsAt: '2026-11-29T10:00:00+01:00' });
    expect(sunday.statusCode).toBe(422);
    expect(sunday.body).toContain('href="#f-startsAt"');

    const held = await post(`${base}/zeit`, { service: place.serviceId, location: place.locationId, persons: '1', startsAt: '2026-11-27T09:00:00+01:00' });
    const badContact = await post(`${base}/kontakt`, { name: ' ', email: 'no-at-sign', bgNummer: '123' }, cookieOf(held));
    expect(badContact.statusCode).toBe(422);
    for (const name of ['name', 'email', 'bgNummer']) expect(badContact.body).toContain(`href="#f-${name}"`);
    expect(badContact.body).toContain('value="no-at-sign"');
  });

  it('makes one booking from a double click on "book"', async () => {
    const { cookie, check } = await holdAndFill('2026-11-27T10:00:00+01:00', 'double@example.org');
    const formToken = field(check.body, 'formToken')!;
    const [a, b] = await Promise.all([post(`${base}/buchen`, { formToken }, cookie), post(`${base}/buchen`, { formToken }, cookie)]);
    expect([a.headers.location, b.headers.location]).toEqual([`${base}/gebucht`, `${base}/gebucht`]);
    const rows = await ctx.database.db.execute(sql`select count(*)::int as n from termin_appointments where email = 'double@example.org' and status = 'booked'`);
    expect(Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(1);
  });

  it('says so when the reservation is gone, and refuses a stale form', async () => {
    expect((await get(`${base}/kontakt`, `ww_termin=${'a'.repeat(43)}`)).statusCode).toBe(409);
    const { cookie } = await holdAndFill('2026-11-27T11:00:00+01:00');
    const stale = await post(`${base}/buchen`, { formToken: 'from-another-journey' }, cookie);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('nicht mehr aktuell');
  });

  it('keeps the contact details when another time is chosen from the check page', async () => {
    const { cookie } = await holdAndFill('2026-11-27T12:00:00+01:00', 'keep@example.org');
    const again = await post(`${base}/zeit`, { service: place.serviceId, location: place.locationId, persons: '1', startsAt: '2026-11-27T12:15:00+01:00' }, cookie);
    const check = await get(`${base}/pruefen`, cookieOf(again));
    expect(check.body).toContain('keep@example.org');
    expect(check.body).toContain('12:15 bis 12:30 Uhr');
    // The old hold was released in the same step.
    const free = await ctx.app.inject({ method: 'GET', url: `/api/v1/t/neue-wege/availability/times?location=${place.locationId}&service=${place.serviceId}&date=2026-11-27` });
    expect((free.json() as { times: { time: string }[] }).times.map((t) => t.time)).toContain('12:00');
  });
});

describe('personal link', () => {
  async function bookAndLink(startsAt: string, email: string): Promise<string> {
    const { cookie, check } = await holdAndFill(startsAt, email);
    await post(`${base}/buchen`, { formToken: field(check.body, 'formToken')! }, cookie);
    await renderOutbox(ctx.deps);
    const result = await ctx.database.db.execute(sql`select text from outbox_messages where "to" = ${email} and kind = 'termine.confirmation'`);
    const text = (result as unknown as { rows: { text: string }[] }).rows[0]!.text;
    return /http:\/\/localhost:3000(\/t\/neue-wege\/termine\/verwalten\/[A-Za-z0-9_-]{43})/.exec(text)![1]!;
  }

  it('shows the appointment; GET never changes anything; cancelling needs the POST button', async () => {
    const link = await bookAndLink('2026-11-30T09:00:00+01:00', 'cancel@example.org');
    const page = await get(link);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Der Termin ist gebucht.');
    expect(page.body).toMatch(/Wir erwarten Sie am [^<]*30\. November 2026 um 09:00 Uhr\./);
    const ask = await get(`${link}/absagen`);
    expect(ask.body).toContain('Ja, Termin absagen');
    expect((await get(link)).body).toContain('Der Termin ist gebucht.');
    const done = await post(`${link}/absagen`, {});
    expect(done.headers.location).toBe(`${link}?done=cancelled`);
    const cancelled = (await get(`${link}?done=cancelled`)).body;
    expect(cancelled).toContain('Der Termin ist abgesagt.');
    expect(cancelled).toContain('Sie können unten einen neuen Termin mit demselben Anliegen buchen.');
    // Not a dead end: the same concern and place, straight to the choice of a day.
    expect(cancelled).toMatch(/href="\/t\/neue-wege\/termine\/tag\?service=[0-9a-f-]{36}&amp;location=[0-9a-f-]{36}&amp;persons=1"/);
    expect((await get(`${link.slice(0, -3)}xyz`)).statusCode).toBe(404);
  });

  it('opens the personal link of an English booking in English on a German phone', async () => {
    const { cookie, check } = await holdAndFill('2026-12-02T10:00:00+01:00', 'english@example.org');
    await ctx.app.inject({ method: 'POST', url: `${base}/buchen`, payload: { formToken: field(check.body, 'formToken')! }, headers: { cookie, 'accept-language': 'en' } });
    await renderOutbox(ctx.deps);
    const result = await ctx.database.db.execute(sql`select text from outbox_messages where "to" = 'english@example.org' and kind = 'termine.confirmation'`);
    const text = (result as unknown as { rows: { text: string }[] }).rows[0]!.text;
    const link = /http:\/\/localhost:3000(\/t\/neue-wege\/termine\/verwalten\/[A-Za-z0-9_-]{43}\?lang=en)/.exec(text)![1]!;
    const page = await get(link, undefined, 'de');
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('The appointment is booked.');
  });

  it('moves the appointment to another free time', async () => {
    const link = await bookAndLink('2026-11-30T10:00:00+01:00', 'move@example.org');
    const days = await get(`${link}/verschieben`);
    expect(days.body).toContain('Neuen Tag wählen');
    // The appointment being moved is in view while a new day and time are chosen.
    expect(days.body).toContain('Ihr bisheriger Termin: Montag, 30. November 2026, 10:00 bis 10:15 Uhr.');
    const times = await get(`${link}/verschieben/zeit?date=2026-12-01`);
    expect(times.body).toContain('Ihr bisheriger Termin (Montag, 30. November 2026, 10:00 bis 10:15 Uhr) bleibt, bis Sie im nächsten Schritt bestätigen.');
    const startsAt = field(times.body, 'startsAt')!;
    const times_ = times.body.slice(times.body.indexOf('<main'));
    expect(times_).not.toContain('10 Minuten');
    // Choosing a time changes nothing yet: the page shows the current and the new appointment.
    const refused = await post(`${link}/verschieben`, { startsAt: 'gestern', date: '2026-12-01' });
    expect(refused.statusCode).toBe(422);
    expect(englishLink(refused.body)).toBe(`${link}/verschieben/zeit?date=2026-12-01&lang=en`);
    const confirmStep = await post(`${link}/verschieben`, { startsAt, date: '2026-12-01' });
    expect(confirmStep.statusCode).toBe(200);
    expect(confirmStep.body).toContain('Bisheriger Termin');
    expect(confirmStep.body).toContain('Montag, 30. November 2026');
    expect(confirmStep.body).toContain('Dienstag, 1. Dezember 2026');
    expect((await get(link)).body).toContain('Montag, 30. November 2026');
    const moved = await post(`${link}/verschieben/bestaetigen`, { startsAt, date: '2026-12-01' });
    expect(moved.headers.location).toBe(`${link}?done=moved`);
    expect((await get(`${link}?done=moved`)).body).toContain('Dienstag, 1. Dezember 2026');
  });
});

describe('the same address booking the same appointment twice', () => {
  const outbox = async (email: string) => {
    await renderOutbox(ctx.deps);
    return (await ctx.database.db.execute(sql`select kind, text from outbox_messages where "to" = ${email} order by created_at`)) as unknown as { rows: { kind: string; text: string }[] };
  };

  it('warns on the check step and mails the link of the existing booking instead of booking again', async () => {
    const twoSeats = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 2 });
    const email = 'twice@example.org';
    const first = await holdAndFill('2026-11-30T10:00:00+01:00', email, twoSeats);
    expect(first.check.body).not.toContain('Diesen Termin haben Sie schon gebucht');
    await post(`${base}/buchen`, { formToken: field(first.check.body, 'formToken')! }, first.cookie);
    const firstCode = /<strong>([0-9A-Z]{4}-[0-9A-Z]{4})<\/strong>/.exec((await get(`${base}/gebucht`, first.cookie)).body)![1]!;

    // Same address, concern, place and time, typed in capitals: the check page warns and shows nothing of the first booking.
    const second = await holdAndFill('2026-11-30T10:00:00+01:00', 'Twice@Example.org', twoSeats);
    expect(second.check.body).toContain('Diesen Termin haben Sie schon gebucht');
    expect(second.check.body).toContain('action="/t/neue-wege/termine/vorhanden"');
    expect(second.check.body).not.toContain(firstCode);
    // Another time of the same address is no duplicate.
    const other = await holdAndFill('2026-11-30T10:15:00+01:00', email, twoSeats);
    expect(other.check.body).not.toContain('Diesen Termin haben Sie schon gebucht');

    expect((await post(`${base}/vorhanden`, { formToken: 'stale' }, second.cookie)).statusCode).toBe(409);
    const sent = await post(`${base}/vorhanden`, { formToken: field(second.check.body, 'formToken')! }, second.cookie);
    expect(sent.headers.location).toBe(`${base}/vorhanden`);
    expect((await get(`${base}/vorhanden`)).body).toContain('Wir haben Ihnen den Link geschickt');
    const mails = (await outbox(email)).rows.filter((m) => m.kind === 'termine.confirmation');
    expect(mails).toHaveLength(2);
    const links = mails.map((m) => /\/termine\/verwalten\/([A-Za-z0-9_-]{43})/.exec(m.text)![1]);
    expect(links[1]).not.toBe(links[0]);
    expect(mails[1]!.text).toContain(firstCode);
    // The new link opens the first booking; the second hold is gone, so its seat is free again.
    expect((await get(`${base}/verwalten/${links[1]}`)).body).toContain('Der Termin ist gebucht.');
    expect((await get(`${base}/pruefen`, second.cookie)).statusCode).toBe(409);
    const booked = await ctx.database.db.execute(sql`select count(*)::int as n from termin_appointments where email = ${email} and status = 'booked'`);
    expect(Number((booked as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(1);
  });
});
