// The error log holds what is needed to find a fault (type, SQLSTATE, constraint, stack), never the values a person
// submitted: neither for a refused request with a NUL byte nor for a database error during a booking. Request lines
// carry the path without tokens, reference numbers, BG-Nummern or query string.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/app.js';
import { createTestLocation, liftLimits, type TestLocation } from '../modules/termine/testing.js';
import { createLogger, redactUrl, serializeError } from './logger.js';

const lines: string[] = [];
let ctx: TestContext;
let place: TestLocation;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z', logStream: { write: (line: string) => void lines.push(line) } });
  await liftLimits(ctx.deps, ctx.tenant);
  place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 2 });
});
afterAll(async () => ctx?.close());

const api = '/api/v1/t/neue-wege';
const person = { name: 'Wilhelmine Geheimnisträger', email: 'wilhelmine.geheim@example.org', phone: '+49 6252 987654', bgNummer: '12345BG7654321' };
const secrets = ['Wilhelmine', 'Geheimnistr', 'wilhelmine.geheim', '987654', '7654321'];

describe('error log without personal data', () => {
  it('a NUL byte in the name is refused (422), and the log holds none of the submitted values', async () => {
    lines.length = 0;
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${api}/appointments`,
      payload: { location: place.locationId, service: [place.serviceId], startsAt: '2026-11-26T09:00:00+01:00', ...person, name: `${person.name}\u0000` },
    });
    expect(res.statusCode).toBe(422);
    const log = lines.join('');
    expect(log).toContain('request refused');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  it('a database error during a booking is a 500 whose log names the constraint, not the query or its values', async () => {
    // Forces the insert of the appointment to fail inside the database.
    await ctx.database.db.execute(sql.raw('alter table termin_appointments add constraint test_no_bookings check (name is null) not valid'));
    try {
      lines.length = 0;
      const res = await ctx.app.inject({
        method: 'POST',
        url: `${api}/appointments`,
        payload: { location: place.locationId, service: [place.serviceId], startsAt: '2026-11-26T09:30:00+01:00', ...person },
      });
      expect(res.statusCode).toBe(500);
      const log = lines.join('');
      expect(log).toContain('request failed');
      for (const secret of [...secrets, 'insert into', 'params']) expect(log).not.toContain(secret);
      expect(log).toContain('"sqlState":"23514"');
      expect(log).toContain('test_no_bookings');
    } finally {
      await ctx.database.db.execute(sql.raw('alter table termin_appointments drop constraint test_no_bookings'));
    }
  });

  it('logs a path with its tokens, reference numbers and BG-Nummern replaced, and no query string', async () => {
    const token = 'q3V9xK2mT8pL4nR7sW1yZ6bC5dF0gH3jK8mN2pQ4rS7';
    const code = '7K3M-9QXA-B2CD-E4FG-H6JK-M8NP-Q2';
    const paths = [
      `/t/neue-wege/termine/verwalten/${token}/verschieben`,
      `/t/neue-wege/unterlagen/a/${code}/quittung/UN-2026-7K3M9Q/pdf`,
      `${api}/applications/EA-2026-7K3M-Q9XD/status`,
      `/t/neue-wege/unterlagen/quittung/${token}?bg=12345BG7654321&name=Wilhelmine`,
      '/t/neue-wege/staff/unterlagen/12345BG7654321',
    ];
    lines.length = 0;
    for (const url of paths) await ctx.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    const log = lines.join('');
    expect(log).toContain('/t/neue-wege/termine/verwalten/[token]/verschieben');
    expect(log).toContain('/t/neue-wege/unterlagen/a/[token]/quittung/[reference]/pdf');
    expect(log).toContain('/applications/[reference]/status');
    expect(log).toContain('/t/neue-wege/staff/unterlagen/[reference]');
    for (const secret of [token, code, '7K3M9Q', 'Q9XD', '7654321', 'Wilhelmine', 'bg=']) expect(log).not.toContain(secret);
  });

  it('redacts the self-service tokens and names by the field names the modules use', () => {
    const out: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void out.push(line) });
    logger.info({ heldToken: 'held-geheim', receiptToken: 'quittung-geheim', statusToken: 'status-geheim', upload: { bookingCode: 'K7M3Q9', givenName: 'Wilhelmine' }, fileName: 'Kontoauszug Geheimnisträger.pdf' }, 'x');
    const line = out.join('');
    for (const secret of ['held-geheim', 'quittung-geheim', 'status-geheim', 'K7M3Q9', 'Wilhelmine', 'Geheimnistr']) expect(line).not.toContain(secret);
    expect(line).toContain('"heldToken":"[redacted]"');
  });

  it('keeps the paths of pages and press releases readable', () => {
    expect(redactUrl('/t/neue-wege/presse/2020-530?jahr=2020')).toBe('/t/neue-wege/presse/2020-530');
    expect(redactUrl('/t/kreis-bergstrasse/staff/coaching/aufnahme')).toBe('/t/kreis-bergstrasse/staff/coaching/aufnahme');
  });

  it('keeps message and code of other errors, and follows causes', () => {
    const dbError = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { severity: 'ERROR', code: '23505', constraint: 'x', detail: 'Key (email)=(a@b.de) already exists.' });
    const wrapped = Object.assign(new Error('Failed query: insert … params: a@b.de'), { query: 'insert …', params: ['a@b.de'], cause: dbError });
    const outer = new Error('booking failed', { cause: wrapped });
    const text = JSON.stringify(serializeError(outer));
    expect(text).toContain('booking failed');
    expect(text).toContain('23505');
    expect(text).not.toContain('a@b.de');
    expect(text).not.toContain('Failed query');
  });
});
