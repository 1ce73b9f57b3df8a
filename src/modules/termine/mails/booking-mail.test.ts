import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { OutboxMessage } from '#shared/mail/mail.tables.js';
import { drainOutbox, enqueueDeferredMail } from '#shared/mail/outbox.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { statementsDuring } from '#shared/testing/statements.js';
import { createTestContext, type TestContext } from '../../../testing/app.js';
import { bookingCode } from '../booking-code.js';
import { getLocation, servicesByIds } from '../termine.repository.js';
import { createTestLocation, type TestLocation } from '../testing.js';
import { bookingMailData, manageUrl } from './booking-mail.js';
import { buildMail } from './mails.js';

let ctx: TestContext;
let here: TestLocation;
let there: TestLocation;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  here = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
  there = await createTestLocation(ctx.deps, ctx.otherTenant, { seatsTotal: 1 });
});
afterAll(async () => ctx?.close());

const appointmentOf = (email: string) => ({
  id: randomUUID(),
  startsAt: new Date('2026-11-26T09:00:00+01:00'),
  endsAt: new Date('2026-11-26T09:15:00+01:00'),
  persons: 1,
  language: 'de',
  name: 'Erika Muster',
  email,
  rescheduleCount: 0,
});

/** A new booking's confirmation at `place` of `tenant`, written to the outbox as the booking writes it. */
async function enqueueConfirmation(tenant: Tenant, place: TestLocation, email: string) {
  const appointment = appointmentOf(email);
  const data = { pending: false, appointment, locationId: place.locationId, serviceIds: [place.serviceId], now: ctx.clock.now(), token: `token-${email}`, confirmMinutes: 60 };
  await enqueueDeferredMail(new TenantDb(ctx.database.db, tenant.id), bookingMailData(data));
  return appointment;
}

/** Sends a batch of `n` confirmations of one tenant and one of the other; the statements it took and the mails. */
async function sendBatch(n: number, prefix: string) {
  for (let i = 0; i < n; i++) await enqueueConfirmation(ctx.tenant, here, `${prefix}-${i}@example.org`);
  const other = await enqueueConfirmation(ctx.otherTenant, there, `${prefix}-other@example.org`);
  const sent: OutboxMessage[] = [];
  const statements = await statementsDuring(ctx.database.db, () => drainOutbox(ctx.deps, { concurrency: 4, send: async (m) => void sent.push(m) }, 1000));
  return { statements, sent, other };
}

describe('mails about appointments, rendered by the sender a batch at a time', () => {
  it('reads each location and the services once per batch and tenant, however many mails the batch holds', async () => {
    const small = await sendBatch(3, 'small');
    const large = await sendBatch(12, 'large');
    expect(small.sent).toHaveLength(4);
    expect(large.sent).toHaveLength(13);
    const termine = (statements: string[]) => statements.filter((s) => /"termin_/.test(s));
    // A location and the services, for each of the two tenants: four, for 4 mails as for 13.
    expect(termine(small.statements)).toHaveLength(4);
    expect(termine(large.statements)).toHaveLength(4);
    // What grows is one statement per mail: its mark as sent, with its rendered content.
    expect(large.statements.length - small.statements.length).toBe(9);
  });

  it('renders each mail of a batch as it renders alone, with its own tenant’s location', async () => {
    const { sent, other } = await sendBatch(5, 'same');
    const tdb = new TenantDb(ctx.database.db, ctx.otherTenant.id);
    const location = (await getLocation(tdb, there.locationId))!;
    const expected = buildMail({
      kind: 'confirmation',
      appointment: other,
      location,
      services: await servicesByIds(tdb, [there.serviceId]),
      tenant: ctx.otherTenant,
      now: ctx.clock.now(),
      link: manageUrl({ tenant: ctx.otherTenant, deps: ctx.deps }, 'token-same-other@example.org', 'de'),
      confirmMinutes: 60,
      bookingCode: bookingCode(ctx.deps.config.secretKey, ctx.otherTenant.id, other.id),
    });
    const mail = sent.find((m) => m.to === 'same-other@example.org');
    expect(mail).toMatchObject({ tenantId: ctx.otherTenant.id, subject: expected.subject, text: expected.text, html: expected.html, attachments: expected.attachments });
    // The other tenant's location is in its mail only.
    expect(expected.text).toContain(location.name);
    for (const own of sent.filter((m) => m.tenantId === ctx.tenant.id)) expect(own.text).not.toContain(location.name);
  });
});
