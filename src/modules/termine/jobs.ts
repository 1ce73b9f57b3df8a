// Background jobs: reminders, expiry of holds and unconfirmed bookings, and deletion of personal data after
// the retention period. Each runs for every tenant with the tenant's own settings.
import { TenantDb } from '#shared/db/tenant-scope.js';
import { addCounts, doneOfEach } from '#shared/jobs/run-result.js';
import type { AppDeps, BackgroundJob, JobRunResult } from '#shared/module.js';
import { tenantsRepository } from '#shared/tenancy/index.js';
import type { TermineContext } from './availability.service.js';
import * as bookings from './booking.repository.js';
import { issueLink, manageUrl, sendMail } from './booking.service.js';
import { DAY_MS } from './protection.js';
import * as repo from './termine.repository.js';

/** An hour after a hold lapsed its row goes; until then the journey can say "your reservation expired". */
const HOLD_GRACE_MS = 3_600_000;

/** Runs `step` for every tenant and adds up what it counted, kind by kind. */
async function forEachTenant<T extends Record<string, number>>(deps: AppDeps, counts: T, step: (ctx: TermineContext) => Promise<T>): Promise<JobRunResult> {
  for (const tenant of await tenantsRepository.list(deps.database.db)) {
    addCounts(counts, await step({ tdb: new TenantDb(deps.database.db, tenant.id), tenant, deps }));
  }
  return doneOfEach(counts);
}

export async function sendReminders(ctx: TermineContext): Promise<number> {
  const settings = await repo.getSettings(ctx.tdb);
  if (settings.reminderHours <= 0) return 0;
  const now = ctx.deps.clock.now();
  let sent = 0;
  for (const due of await bookings.dueReminders(ctx.tdb, now, settings.reminderHours)) {
    await ctx.tdb.transaction(async (tx) => {
      const updated = await bookings.updateAppointment(tx, due.id, { reminderSentAt: now }, bookings.statusIn('booked'), bookings.notReminded());
      if (!updated) return;
      const link = await issueLink(ctx, tx, updated, settings.retentionDays);
      await sendMail(ctx, tx, 'reminder', updated, { link: manageUrl(ctx, link, updated.language) });
      sent++;
    });
  }
  return sent;
}

export async function expireStale(ctx: TermineContext): Promise<{ holds: number; unconfirmed: number }> {
  return ctx.tdb.transaction((tx) => bookings.expireStale(tx, ctx.deps.clock.now(), HOLD_GRACE_MS));
}

/** Anonymises appointments `retentionDays` after their date (statistics keep place, time, concern, status). */
export async function applyRetention(ctx: TermineContext): Promise<number> {
  const settings = await repo.getSettings(ctx.tdb);
  const now = ctx.deps.clock.now();
  const anonymised = await ctx.tdb.transaction((tx) => bookings.anonymiseBefore(tx, new Date(now.getTime() - settings.retentionDays * DAY_MS), now));
  await bookings.purgeProtectionRows(ctx.tdb, now);
  return anonymised;
}

export const termineJobs: BackgroundJob[] = [
  { name: 'termine.reminders', everyMs: 5 * 60_000, run: (deps) => forEachTenant(deps, { reminders: 0 }, async (ctx) => ({ reminders: await sendReminders(ctx) })) },
  { name: 'termine.expiry', everyMs: 60_000, run: (deps) => forEachTenant(deps, { holds: 0, unconfirmed: 0 }, expireStale) },
  { name: 'termine.retention', everyMs: 3_600_000, run: (deps) => forEachTenant(deps, { anonymised: 0 }, async (ctx) => ({ anonymised: await applyRetention(ctx) })) },
];
