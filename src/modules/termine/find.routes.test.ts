// "Find my appointment" through HTTP: booking code + e-mail address sends the personal link again; the answer is
// the same whether or not they matched; attempts are limited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { renderOutbox } from '#shared/mail/outbox.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { bookingCode } from './booking-code.js';
import { bookingService } from './index.js';
import { createTestLocation } from './testing.js';

let ctx: TestContext;
let code = '';
const base = '/t/neue-wege/termine';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z', env: { RATE_LIMITS: 'on' } });
  const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 2 });
  const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
  const { appointment } = await bookingService.staffBook(
    { tdb, tenant: ctx.tenant, deps: ctx.deps },
    { locationId: place.locationId, serviceIds: [place.serviceId], persons: 1, startsAt: new Date('2026-11-26T08:00:00Z'), contact: { name: 'Erika Muster', email: 'lost@example.org' }, language: 'en' },
  );
  code = bookingCode(ctx.deps.config.secretKey, ctx.tenant.id, appointment.id);
});
afterAll(async () => ctx?.close());

const find = (form: Record<string, string>, ip = '203.0.113.7') => ctx.app.inject({ method: 'POST', url: `${base}/finden`, payload: form, remoteAddress: ip });
const mails = async () => {
  await renderOutbox(ctx.deps);
  const result = await ctx.database.db.execute(sql`select text from outbox_messages where "to" = 'lost@example.org' order by created_at`);
  return (result as unknown as { rows: { text: string }[] }).rows.map((r) => r.text);
};

describe('find my appointment', () => {
  it('is linked from the start page and names a missing or malformed code', async () => {
    expect((await ctx.app.inject({ url: base })).body).toContain(`href="${base}/finden"`);
    const bad = await find({ bookingCode: 'abc', email: 'lost@example.org' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-bookingCode"');
    expect(bad.body).toContain('Bitte geben Sie den Buchungscode ein');
  });

  it('mails a working personal link when code and address match, typed in any case and without the hyphen', async () => {
    const before = (await mails()).length;
    const res = await find({ bookingCode: code.replace('-', '').toLowerCase(), email: ' Lost@Example.org ' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${base}/finden?gesendet=1`);
    const sent = await mails();
    expect(sent).toHaveLength(before + 1);
    const link = /\/t\/neue-wege\/termine\/verwalten\/[A-Za-z0-9_-]{43}\?lang=en/.exec(sent.at(-1)!)![0];
    expect((await ctx.app.inject({ url: link })).body).toContain('The appointment is booked.');
    const page = await ctx.app.inject({ url: res.headers.location as string });
    expect(page.body).toContain('Wenn die Angaben zu einem Termin passen, ist der Link unterwegs.');
  });

  it('answers a wrong code or address exactly the same, and sends nothing', async () => {
    const before = (await mails()).length;
    const wrongCode = await find({ bookingCode: code === 'AAAA-AAAA' ? 'BBBB-BBBB' : 'AAAA-AAAA', email: 'lost@example.org' }, '203.0.113.8');
    const wrongMail = await find({ bookingCode: code, email: 'other@example.org' }, '203.0.113.8');
    for (const res of [wrongCode, wrongMail]) {
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base}/finden?gesendet=1`);
    }
    expect(await mails()).toHaveLength(before);
  });

  it('limits attempts per IP address (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await find({ bookingCode: 'AAAA-AAAA', email: `x${i}@example.org` }, '198.51.100.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
