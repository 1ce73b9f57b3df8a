import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { drainOutbox, renderOutbox } from '#shared/mail/outbox.js';
import type { MailTransport } from '#shared/mail/transport.js';
import type { OutboxMessage } from '#shared/mail/mail.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import type { TermineContext } from './availability.service.js';
import { SlotTakenError } from './booking.errors.js';
import { bookingCodeOf } from './booking-code.js';
import { book, manageUrl } from './booking.service.js';
import { extendHold, hold } from './hold.service.js';
import { bookingService } from './index.js';
import { applyRetention, expireStale, sendReminders } from './jobs.js';
import { byManageToken, cancel, confirm, reschedule } from './manage.service.js';
import { buildMail } from './mails/mails.js';
import { getLocation, saveSettings, servicesByIds } from './termine.repository.js';
import { createTestLocation, liftLimits, type TestLocation } from './testing.js';

let ctx: TestContext;
let tctx: TermineContext;
const NOW = '2026-11-25T09:00:00Z';
const berlin = (local: string) => new Date(`${local}+01:00`);

beforeAll(async () => {
  ctx = await createTestContext({ now: NOW, env: { RATE_LIMITS: 'on' } });
  tctx = { tdb: new TenantDb(ctx.database.db, ctx.tenant.id), tenant: ctx.tenant, deps: ctx.deps, clientIp: '192.0.2.1' };
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  ctx.clock.set(NOW);
  await liftLimits(ctx.deps, ctx.tenant);
  await saveSettings(tctx.tdb, { doubleOptIn: false }, ctx.clock.now());
});

const slotOf = (place: TestLocation, startsAt: Date, persons = 1) => ({ locationId: place.locationId, serviceIds: [place.serviceId], persons, startsAt, channel: 'online' as const });
const contact = (email: string) => ({ name: 'Erika Muster', email });

async function mails(kind: string): Promise<OutboxMessage[]> {
  await renderOutbox(ctx.deps);
  const result = await ctx.database.db.execute(sql`select * from outbox_messages where kind = ${kind} order by created_at`);
  return (result as unknown as { rows: OutboxMessage[] }).rows;
}

function linkToken(text: string): string {
  return /\/termine\/verwalten\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
}

describe('holds', () => {
  it('keeps the seat for 10 minutes; after that the next person may take it and the first one gets 409', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const at = berlin('2026-11-26T09:00');
    const first = await hold(tctx, { ...slotOf(place, at), language: 'de' });
    await expect(hold(tctx, { ...slotOf(place, at), language: 'de' })).rejects.toBeInstanceOf(SlotTakenError);
    ctx.clock.advance(11 * 60_000);
    await hold(tctx, { ...slotOf(place, at), language: 'de' });
    const late = book(tctx, { holdToken: first.holdToken, contact: contact('late@example.org'), language: 'de' });
    await expect(late).rejects.toBeInstanceOf(SlotTakenError);
    await late.catch((err: SlotTakenError) => expect(err.nextTimes[0]?.startsAt).toBe(berlin('2026-11-26T09:15').toISOString()));
  });

  it('still books an expired hold when nobody took the seat meanwhile', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const held = await hold(tctx, { ...slotOf(place, berlin('2026-11-26T10:00')), language: 'de' });
    ctx.clock.advance(15 * 60_000);
    const result = await book(tctx, { holdToken: held.holdToken, contact: contact('slow@example.org'), language: 'de' });
    expect(result.appointment.status).toBe('booked');
  });

  it('gives the seat of an expired hold to a direct booking, and the holder then gets 409', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const at = berlin('2026-11-26T10:30');
    const held = await hold(tctx, { ...slotOf(place, at), language: 'de' });
    const direct = () => book(tctx, { slot: slotOf(place, at), contact: contact('direct@example.org'), language: 'de' });
    await expect(direct()).rejects.toBeInstanceOf(SlotTakenError);
    ctx.clock.advance(11 * 60_000);
    expect((await direct()).appointment.status).toBe('booked');
    await expect(book(tctx, { holdToken: held.holdToken, contact: contact('slow2@example.org'), language: 'de' })).rejects.toBeInstanceOf(SlotTakenError);
  });

  it('can be extended three times (no time limit without a way to extend it)', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const held = await hold(tctx, { ...slotOf(place, berlin('2026-11-26T11:00')), language: 'de' });
    for (let i = 0; i < 3; i++) {
      ctx.clock.advance(9 * 60_000);
      expect((await extendHold(tctx, held.holdToken)).getTime()).toBe(ctx.clock.now().getTime() + 10 * 60_000);
    }
    await expect(extendHold(tctx, held.holdToken)).rejects.toMatchObject({ key: 'termine:errors.noMoreExtensions' });
  });
});

describe('double opt-in', () => {
  it('counts the booking only after confirmation, and releases the seat when nobody confirms in time', async () => {
    await saveSettings(tctx.tdb, { doubleOptIn: true }, ctx.clock.now());
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const at = berlin('2026-11-27T09:00');
    const pending = await book(tctx, { slot: slotOf(place, at), contact: contact('doi@example.org'), language: 'de' });
    expect(pending.appointment.status).toBe('pending');
    const request = (await mails('termine.confirmRequest')).at(-1)!;
    expect(request.attachments).toEqual([]);
    const confirmed = await confirm(tctx, await byManageToken(tctx, linkToken(request.text)));
    expect(confirmed.status).toBe('booked');
    expect((await mails('termine.confirmation')).at(-1)!.attachments[0]?.filename).toBe('termin.ics');

    const other = await book(tctx, { slot: slotOf(place, berlin('2026-11-27T10:00')), contact: contact('doi2@example.org'), language: 'de' });
    ctx.clock.advance(61 * 60_000);
    await expireStale(tctx);
    expect((await byManageToken(tctx, linkToken((await mails('termine.confirmRequest')).at(-1)!.text))).status).toBe('expired');
    await saveSettings(tctx.tdb, { doubleOptIn: false }, ctx.clock.now());
    const again = await book(tctx, { slot: slotOf(place, other.appointment.startsAt), contact: contact('doi3@example.org'), language: 'de' });
    expect(again.appointment.status).toBe('booked');
  });
});

describe('closing a location at short notice', () => {
  it('cancels the affected appointments, mails everyone a personal link, and the link rebooks', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 2 });
    const inside = await book(tctx, { slot: slotOf(place, berlin('2026-11-30T09:00')), contact: contact('in1@example.org'), language: 'en' });
    await book(tctx, { slot: slotOf(place, berlin('2026-11-30T11:45')), contact: contact('in2@example.org'), language: 'de' });
    const outside = await book(tctx, { slot: slotOf(place, berlin('2026-11-30T13:00')), contact: contact('out@example.org'), language: 'de' });
    const result = await bookingService.closeLocation(tctx, { locationId: place.locationId, startsAt: berlin('2026-11-30T08:00'), endsAt: berlin('2026-11-30T12:00'), reason: 'Stromausfall' });
    expect(result.affected).toBe(2);
    const closureMails = await mails('termine.closure');
    expect(closureMails.map((m) => m.to).sort()).toEqual(['in1@example.org', 'in2@example.org']);
    const english = closureMails.find((m) => m.to === 'in1@example.org')!;
    expect(english.subject).toContain('cannot take place');
    expect(english.text).toContain('Stromausfall');
    expect((await byManageToken(tctx, linkToken(english.text))).cancelReason).toBe('closure');
    expect((await bookingService.describe(tctx, outside.appointment)).appointment.status).toBe('booked');
    // The closed hours are no longer offered or bookable.
    const { times } = await bookingService.listAvailableTimes(tctx, { ...slotOf(place, new Date()), date: '2026-11-30' });
    expect(times.map((t) => t.time)).not.toContain('09:00');
    await expect(book(tctx, { slot: slotOf(place, berlin('2026-11-30T10:00')), contact: contact('x@example.org'), language: 'de' })).rejects.toMatchObject({ status: 422 });
    const rebooked = await reschedule(tctx, await byManageToken(tctx, linkToken(english.text)), berlin('2026-12-01T09:00'));
    expect(rebooked).toMatchObject({ id: inside.appointment.id, status: 'booked', cancelReason: null });
  });
});

describe('jobs', () => {
  it('sends one reminder 24 hours before, with the calendar file and a working link', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const booked = await book(tctx, { slot: slotOf(place, berlin('2026-12-02T09:00')), contact: contact('remind@example.org'), language: 'de' });
    const reminders = async () => (await mails('termine.reminder')).filter((m) => m.to === 'remind@example.org');
    ctx.clock.set(berlin('2026-11-30T09:00'));
    await sendReminders(tctx);
    expect(await reminders()).toHaveLength(0);
    ctx.clock.set(berlin('2026-12-01T09:30'));
    expect(await sendReminders(tctx)).toBeGreaterThanOrEqual(1);
    await sendReminders(tctx);
    expect(await reminders()).toHaveLength(1);
    const reminder = (await reminders())[0]!;
    expect(reminder.subject).toContain('Erinnerung');
    expect(reminder.attachments[0]?.contentType).toContain('text/calendar');
    expect((await byManageToken(tctx, linkToken(reminder.text))).id).toBe(booked.appointment.id);
  });

  it('deletes personal data 30 days after the appointment and keeps the statistics', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const booked = await book(tctx, { slot: slotOf(place, berlin('2026-11-26T09:00')), contact: { ...contact('old@example.org'), phone: '06252 123', bgNummer: '12345BG0012345' }, language: 'de' });
    const token = linkToken((await mails('termine.confirmation')).find((m) => m.to === 'old@example.org')!.text);
    ctx.clock.set(berlin('2026-12-20T09:00'));
    await applyRetention(tctx);
    expect((await byManageToken(tctx, token)).name).toBe('Erika Muster');
    ctx.clock.set(berlin('2026-12-27T09:00'));
    expect(await applyRetention(tctx)).toBeGreaterThanOrEqual(1);
    await expect(byManageToken(tctx, token)).rejects.toMatchObject({ status: 404 });
    const row = (await ctx.database.db.execute(sql`select * from termin_appointments where id = ${booked.appointment.id}`)) as unknown as { rows: Record<string, unknown>[] };
    expect(row.rows[0]).toMatchObject({ name: null, email: null, phone: null, bg_nummer: null, status: 'booked', persons: 1 });
    expect(row.rows[0]!.anonymised_at).not.toBeNull();
  });

  it('keeps confirmation mails in the outbox through an SMTP outage and sends them later', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    await book(tctx, { slot: slotOf(place, berlin('2026-11-26T12:00')), contact: contact('outage@example.org'), language: 'de' });
    const down: MailTransport = { send: async () => Promise.reject(new Error('connect ECONNREFUSED')) };
    await drainOutbox(ctx.deps, down, 1000);
    const [pending] = (await mails('termine.confirmation')).filter((m) => m.to === 'outage@example.org');
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    const sent: string[] = [];
    ctx.clock.advance(5 * 60_000);
    await drainOutbox(ctx.deps, { send: async (m) => void sent.push(m.to) }, 1000);
    expect(sent).toContain('outage@example.org');
  });
});

describe('the confirmation mail, rendered by the sender', () => {
  it('is sent exactly as the booking would have rendered it, and kept rendered in the outbox', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const booked = await book(tctx, { slot: slotOf(place, berlin('2026-11-27T10:00')), contact: contact('render@example.org'), language: 'en' });
    const sent: OutboxMessage[] = [];
    await drainOutbox(ctx.deps, { send: async (m) => void sent.push(m) }, 1000);
    const a = booked.appointment;
    const expected = buildMail({
      kind: 'confirmation',
      appointment: a,
      location: (await getLocation(tctx.tdb, place.locationId))!,
      services: await servicesByIds(tctx.tdb, [place.serviceId]),
      tenant: ctx.tenant,
      now: a.bookedAt!,
      link: manageUrl(tctx, booked.manageToken!, 'en'),
      confirmMinutes: 60,
      bookingCode: bookingCodeOf(tctx, a.id),
    });
    const mail = sent.find((m) => m.to === 'render@example.org');
    expect(mail).toMatchObject({ kind: 'termine.confirmation', subject: expected.subject, text: expected.text, html: expected.html, attachments: expected.attachments });
    expect((await mails('termine.confirmation')).find((m) => m.to === 'render@example.org')).toMatchObject({ status: 'sent', text: expected.text, render: null });
  });
});

describe('the mails of a move and a cancellation, rendered by the sender', () => {
  it('are sent exactly as the request would have rendered them', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const booked = await book(tctx, { slot: slotOf(place, berlin('2026-11-30T10:00')), contact: contact('change@example.org'), language: 'en' });
    const moved = await reschedule(tctx, booked.appointment, berlin('2026-11-30T11:00'), 'staff', 'Staff ill');
    const cancelled = await cancel(tctx, moved, { by: 'staff', reason: 'Office closed' });
    // Written unrendered: the request only stored what the sender renders from.
    const written = await ctx.database.db.execute(sql`select subject, render->>'renderer' as renderer from outbox_messages where "to" = 'change@example.org' and kind <> 'termine.confirmation'`);
    expect((written as unknown as { rows: unknown[] }).rows).toEqual([0, 1].map(() => ({ subject: '', renderer: 'termine.booking' })));
    const sent: OutboxMessage[] = [];
    await drainOutbox(ctx.deps, { send: async (m) => void sent.push(m) }, 1000);
    const location = (await getLocation(tctx.tdb, place.locationId))!;
    const services = await servicesByIds(tctx.tdb, [place.serviceId]);
    const common = { location, services, tenant: ctx.tenant, now: ctx.clock.now(), bookingCode: bookingCodeOf(tctx, moved.id) };
    const rescheduled = sent.find((m) => m.to === 'change@example.org' && m.kind === 'termine.rescheduled')!;
    const movedLink = /https?:\/\/\S+verwalten\/\S+/.exec(rescheduled.text)![0];
    const expected = [
      buildMail({ ...common, kind: 'rescheduled', appointment: moved, link: movedLink, reason: 'Staff ill' }),
      buildMail({ ...common, kind: 'cancellation', appointment: cancelled, link: `${ctx.deps.config.publicUrl}/t/${ctx.tenant.slug}/termine`, reason: 'Office closed' }),
    ];
    for (const [mail, want] of [rescheduled, sent.find((m) => m.to === 'change@example.org' && m.kind === 'termine.cancellation')].map((m, i) => [m, expected[i]!] as const)) {
      expect(mail).toMatchObject({ subject: want.subject, text: want.text, html: want.html, attachments: want.attachments });
    }
  });
});

describe('abuse limits', () => {
  it('allows at most N future appointments per e-mail address', async () => {
    await saveSettings(tctx.tdb, { maxFutureAppointmentsPerEmail: 2 }, ctx.clock.now());
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 3 });
    for (const time of ['09:00', '09:15']) await book(tctx, { slot: slotOf(place, berlin(`2026-12-03T${time}`)), contact: contact('Many@Example.org'), language: 'de' });
    await expect(book(tctx, { slot: slotOf(place, berlin('2026-12-03T09:30')), contact: contact('many@example.org'), language: 'de' })).rejects.toMatchObject({
      fields: [{ field: 'email', message: 'termine:errors.tooManyAppointments', params: { max: 2 } }],
    });
  });

  it('limits bookings per IP address with 429 and Retry-After', async () => {
    await saveSettings(tctx.tdb, { bookingsPerIpHour: 3 }, ctx.clock.now());
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/t/neue-wege/appointments',
        remoteAddress: '203.0.113.9',
        payload: { location: place.locationId, service: [place.serviceId], startsAt: berlin('2026-12-04T09:00').toISOString(), name: 'X', email: `ip${i}@example.org` },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('counts nothing with RATE_LIMITS=off (tests of other things only), like every other limit', async () => {
    await saveSettings(tctx.tdb, { bookingsPerIpHour: 1 }, ctx.clock.now());
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 3 });
    const off = { ...tctx, clientIp: '203.0.113.10', deps: { ...ctx.deps, config: { ...ctx.deps.config, rateLimits: false } } };
    for (const time of ['10:00', '10:15', '10:30']) {
      await expect(book(off, { slot: slotOf(place, berlin(`2026-12-07T${time}`)), contact: contact(`off-${time}@example.org`), language: 'de' })).resolves.toMatchObject({ replayed: false });
    }
    const on = { ...tctx, clientIp: '203.0.113.10' };
    await book(on, { slot: slotOf(place, berlin('2026-12-07T11:00')), contact: contact('on1@example.org'), language: 'de' });
    await expect(book(on, { slot: slotOf(place, berlin('2026-12-07T11:15')), contact: contact('on2@example.org'), language: 'de' })).rejects.toMatchObject({ status: 429 });
  });
});

describe('staff side (for the Servicepoint desk)', () => {
  it('books the seats kept for walk-ins, lists the day and walks through the desk states', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 2, seatsOnline: 1 });
    const at = berlin('2026-11-25T14:00');
    await book(tctx, { slot: slotOf(place, at), contact: contact('online@example.org'), language: 'de' });
    await expect(book(tctx, { slot: slotOf(place, at), contact: contact('online2@example.org'), language: 'de' })).rejects.toBeInstanceOf(SlotTakenError);
    const walkIn = await bookingService.staffBook(tctx, { locationId: place.locationId, serviceIds: [place.serviceId], persons: 1, startsAt: at, contact: { name: 'Laufkundschaft' } });
    expect(walkIn.appointment).toMatchObject({ status: 'booked', channel: 'staff', email: null });
    const day = await bookingService.listByDay(tctx, place.locationId, '2026-11-25');
    // Both at 14:00; which of two appointments at the same time comes first is not part of the contract.
    expect(day.map((a) => a.channel).sort()).toEqual(['online', 'staff']);
    for (const status of ['arrived', 'called', 'in_progress', 'done'] as const) {
      expect((await bookingService.setStatus(tctx, walkIn.appointment.id, status)).status).toBe(status);
    }
    await expect(bookingService.setStatus(tctx, walkIn.appointment.id, 'booked')).rejects.toMatchObject({ status: 422 });
  });
});
