// Background jobs of the form-flow engine: a reminder three days before a draft expires, the deletion of
// expired drafts (their answers are personal data; doc/security.md §9) and the name index of submissions that were
// made before it existed (doc/adr/0300).
import { TenantDb } from '#shared/db/tenant-scope.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import type { AppDeps, BackgroundJob } from '#shared/module.js';
import { hashTokenBase64url, newToken } from '#shared/crypto.js';
import { formsKey, openJson } from './crypto.js';
import { REMINDER_DAYS_BEFORE, type DraftState, FormEngine } from './engine.js';
import type { FlowDefinition } from './flow.js';
import * as repo from './forms.repository.js';
import { indexSubmissionNames } from './names.js';

const DAY_MS = 86_400_000;

/** Sends due reminders; each gets a new resume link (the old one stops working). Returns how many. */
export async function sendDraftReminders(deps: AppDeps, flows: FlowDefinition[]): Promise<number> {
  const now = deps.clock.now();
  const due = await repo.dueReminders(deps.database.db, now, new Date(now.getTime() + REMINDER_DAYS_BEFORE * DAY_MS));
  let sent = 0;
  for (const { draft: row, slug, tenantName } of due) {
    const flow = flows.find((f) => f.id === row.flowId);
    if (!flow || !row.data) continue;
    const engine = new FormEngine(flow, deps);
    const state = openJson<DraftState>(row.data, formsKey(deps.config.secretKey), engine.aad(row.tenantId, row.id));
    if (!state.resumeEmail) continue;
    const tdb = new TenantDb(deps.database.db, row.tenantId);
    await tdb.transaction(async (tx) => {
      const token = newToken();
      // Only this exact version: if the person saved meanwhile, the reminder is no longer due.
      const updated = await repo.updateDraftIfVersion(tx, row.id, row.version, { resumeTokenHash: hashTokenBase64url(token), reminderSentAt: now });
      if (!updated) return;
      await enqueueMail(tx, engine.resumeMail('reminder', { slug, name: tenantName }, state.resumeEmail!, row.lang, token, row.expiresAt));
      sent++;
    });
  }
  return sent;
}

export function purgeExpiredDrafts(deps: AppDeps): Promise<number> {
  return repo.deleteExpiredDrafts(deps.database.db, deps.clock.now());
}

export function formJobs(flows: FlowDefinition[]): BackgroundJob[] {
  return [
    { name: 'forms.reminders', everyMs: 3_600_000, run: async (deps) => ({ done: await sendDraftReminders(deps, flows) }) },
    { name: 'forms.purge', everyMs: 3_600_000, run: async (deps) => ({ done: await purgeExpiredDrafts(deps) }) },
    // Runs at the first start after the upgrade; afterwards it finds nothing (new submissions are indexed at once).
    { name: 'forms.name-index', everyMs: 900_000, run: async (deps) => ({ done: await indexSubmissionNames(deps, flows) }) },
  ];
}
