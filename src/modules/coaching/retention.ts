// Retention: a participant's data is deleted a configurable time after the coaching ended, restricted notes
// (Art. 9 DSGVO) sooner; and the export of everything held on one participant (Art. 15 DSGVO) for the coach.
import { eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { recordAudit } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { ForbiddenError } from '#shared/http/errors.js';
import { addCounts, doneOfEach } from '#shared/jobs/run-result.js';
import type { AppDeps, BackgroundJob } from '#shared/module.js';
import { tenantsRepository } from '#shared/tenancy/index.js';
import type { StaffPrincipal } from '../staff/index.js';
import * as repo from './coaching.repository.js';
import { accessTo } from './coaching.service.js';
import { coachingEinstellungen, coachingTeilnehmende, coachingVertraulich, defaultEinstellungen } from './coaching.tables.js';
import { trackOf } from './pruefung.repository.js';
import { sendReminders } from './reminders.js';
import { addMonths, berlinToday } from './rules.js';

export async function retentionSettings(tdb: TenantDb): Promise<{ retentionMonths: number; restrictedRetentionMonths: number }> {
  const row = await tdb.first(coachingEinstellungen);
  return row ? { retentionMonths: row.retentionMonths, restrictedRetentionMonths: row.restrictedRetentionMonths } : defaultEinstellungen;
}

/** The tenant admin sets how long coaching data are kept after the end (audited). */
export async function saveRetentionSettings(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, values: { retentionMonths: number; restrictedRetentionMonths: number }) {
  await tdb.transaction(async (tx) => {
    await tx.db
      .insert(coachingEinstellungen)
      .values({ tenantId: tx.tenantId, ...values })
      .onConflictDoUpdate({ target: coachingEinstellungen.tenantId, set: values });
    await recordAudit(tx, { actorId: staff.userId, actorRoles: staff.roles, action: 'coaching.settings', objectType: 'coaching_einstellungen', objectId: null, purpose: `retention=${values.retentionMonths};restricted=${values.restrictedRetentionMonths}`, at: deps.clock.now() });
  });
}

/** Deletes what is past its retention in one tenant; returns how many participants and notes went. */
export async function applyRetention(deps: AppDeps, tdb: TenantDb): Promise<{ participants: number; notes: number }> {
  const settings = await retentionSettings(tdb);
  const today = berlinToday(deps.clock.now());
  const ended = addMonths(today, -settings.retentionMonths);
  const restricted = addMonths(today, -settings.restrictedRetentionMonths);
  return tdb.transaction(async (tx) => {
    // A person still in follow-up after a job start is not "ended" yet: only phase 'beendet' counts, for both.
    const gone = await tx.delete(coachingTeilnehmende, eq(coachingTeilnehmende.phase, 'beendet'), isNotNull(coachingTeilnehmende.exitOn), lt(coachingTeilnehmende.exitOn, ended));
    const exited = await tx.db
      .select({ id: coachingTeilnehmende.id })
      .from(coachingTeilnehmende)
      .where(tx.scope(coachingTeilnehmende, eq(coachingTeilnehmende.phase, 'beendet'), isNotNull(coachingTeilnehmende.exitOn), lt(coachingTeilnehmende.exitOn, restricted)));
    const notes = exited.length ? await tx.delete(coachingVertraulich, inArray(coachingVertraulich.teilnehmendeId, exited.map((e) => e.id))) : 0;
    if (gone || notes) {
      await recordAudit(tx, { actorId: null, actorRoles: [], action: 'coaching.retention', objectType: 'coaching_teilnehmende', objectId: null, purpose: `participants=${gone};notes=${notes}`, at: deps.clock.now() });
    }
    return { participants: gone, notes };
  });
}

export const coachingJobs: BackgroundJob[] = [
  {
    name: 'coaching.retention',
    everyMs: 6 * 3_600_000,
    async run(deps) {
      const deleted = { participants: 0, notes: 0 };
      for (const tenant of await tenantsRepository.list(deps.database.db)) addCounts(deleted, await applyRetention(deps, new TenantDb(deps.database.db, tenant.id)));
      return doneOfEach(deleted);
    },
  },
  {
    name: 'coaching.reminders',
    everyMs: 3_600_000,
    async run(deps) {
      const sent = { reviews: 0, exams: 0 };
      for (const tenant of await tenantsRepository.list(deps.database.db)) addCounts(sent, await sendReminders(deps, new TenantDb(deps.database.db, tenant.id), tenant));
      return doneOfEach(sent);
    },
  },
];

/**
 * Everything held on one participant (Art. 15 DSGVO), as JSON for the assigned coach to hand over — including the
 * restricted notes, which are the person's own data. Audited.
 */
export async function auskunft(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string) {
  const { tn, zugang } = await accessTo(deps, tdb, staff, id);
  if (zugang !== 'coach') throw new ForbiddenError();
  const aktivitaeten = await repo.aktivitaetenOf(tdb, tn.id);
  const data = {
    erstelltAm: deps.clock.now().toISOString(),
    person: tn,
    rechtsgrundlage: (await repo.rechtsgrundlageById(tdb, tn.rechtsgrundlageId))?.label ?? null,
    potenzialanalyse: await repo.potenzialOf(tdb, tn.id),
    zielberufe: (await repo.zielberufeOf(tdb, tn.id)).map((z) => z.kldb),
    kooperationsplan: await repo.latestPlan(tdb, tn.id),
    aktivitaeten,
    nachrichten: await repo.nachrichtenOfActivities(tdb, aktivitaeten.map((a) => a.id)),
    kontakte: await repo.kontakteOf(tdb, tn.id),
    vertraulicheNotizen: await repo.vertraulichOf(tdb, tn.id),
    ...(await trackOf(tdb, tn.id)),
  };
  await recordAudit(tdb, { actorId: staff.userId, actorRoles: staff.roles, action: 'coaching.auskunft', objectType: 'coaching_teilnehmende', objectId: tn.id, purpose: 'Art. 15 DSGVO', at: deps.clock.now() });
  return data;
}
