// The press list (Presseverteiler): journalists subscribe with double opt-in (Art. 7 Abs. 1 DSGVO), choose topics,
// and leave with one click (RFC 8058). A published release is sent once to every recipient, through the outbox, in
// the transaction that marks it mailed: a crash either sends all of it later or none of it twice.
import { randomUUID } from 'node:crypto';
import { recordAudit } from '#shared/audit/index.js';
import { hashToken, isToken, keyedHash, newToken } from '#shared/crypto.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { enqueueMail, enqueueMails } from '#shared/mail/outbox.js';
import type { AppDeps, BackgroundJob } from '#shared/module.js';
import { tenantsRepository, type Tenant } from '#shared/tenancy/index.js';
import { settingsOf } from './figures.service.js';
import { renderRelease } from './markdown.js';
import { releaseRef } from './newsroom.service.js';
import { confirmationMail, releaseMail } from './presslist.mails.js';
import * as repo from './presslist.repository.js';
import * as releases from './release.repository.js';

/** How long a confirmation link is valid. */
export const CONFIRM_HOURS = 48;

export interface PressListContext {
  tdb: TenantDb;
  tenant: Tenant;
  deps: Pick<AppDeps, 'clock' | 'config'>;
}

const tenantUrl = (ctx: PressListContext) => `${ctx.deps.config.publicUrl}/t/${ctx.tenant.slug}`;

/** Topics one can subscribe to: the categories of the visible releases. */
export async function topics(tdb: TenantDb, now: Date): Promise<string[]> {
  return (await releases.facets(tdb, now)).categories;
}

/** The unsubscribe token is derived from the row's id, so every mail can carry it while only its hash is stored. */
export function unsubscribeToken(secretKey: string, subscriberId: string): string {
  return keyedHash(secretKey, ['presse.unsubscribe', subscriberId], 'base64url');
}

export function unsubscribeUrl(ctx: PressListContext, subscriberId: string): string {
  return `${tenantUrl(ctx)}/presse/verteiler/abmelden/${unsubscribeToken(ctx.deps.config.secretKey, subscriberId)}`;
}

/**
 * Asks for confirmation. The answer is the same whether or not the address is known (no one learns who is on the
 * list); a confirmed address gets no mail, an unconfirmed one a new link.
 */
export async function subscribe(ctx: PressListContext, input: { email: string; categories: string[]; lang: string }): Promise<void> {
  const now = ctx.deps.clock.now();
  const email = input.email.trim().toLowerCase();
  const token = newToken();
  const confirm = { categories: input.categories, confirmTokenHash: hashToken(token), confirmExpiresAt: new Date(now.getTime() + CONFIRM_HOURS * 3_600_000) };
  await ctx.tdb.transaction(async (tx) => {
    const existing = await repo.byEmail(tx, email);
    if (existing?.confirmedAt) return;
    let id: string;
    if (existing) {
      await repo.renewConfirmation(tx, existing.id, confirm);
      id = existing.id;
    } else {
      id = randomUUID();
      await repo.insertSubscriber(tx, { id, email, ...confirm, unsubscribeTokenHash: hashToken(unsubscribeToken(ctx.deps.config.secretKey, id)), createdAt: now });
    }
    await enqueueMail(tx, confirmationMail({ to: email, tenant: ctx.tenant, lang: input.lang, link: `${tenantUrl(ctx)}/presse/verteiler/bestaetigen/${token}`, hours: CONFIRM_HOURS }));
    await recordAudit(tx, { actorId: null, actorRoles: [], action: 'presse.presslist.subscribe', objectType: 'press_subscriber', objectId: id, at: now });
  });
}

/** True when the link confirmed a subscription; false when it was unknown, used or expired. */
export async function confirmSubscription(ctx: PressListContext, token: string): Promise<boolean> {
  if (!isToken(token)) return false;
  const now = ctx.deps.clock.now();
  return ctx.tdb.transaction(async (tx) => {
    const row = await repo.confirm(tx, hashToken(token), now);
    if (row) await recordAudit(tx, { actorId: null, actorRoles: [], action: 'presse.presslist.confirm', objectType: 'press_subscriber', objectId: row.id, at: now });
    return Boolean(row);
  });
}

/** Whether an unsubscribe link belongs to a subscription (the confirmation page asks only then). */
export async function isSubscribed(ctx: PressListContext, token: string): Promise<boolean> {
  return isToken(token) && Boolean(await repo.byUnsubscribeHash(ctx.tdb, hashToken(token)));
}

/** Removes the subscription of the link; idempotent (a second click, or an unknown link, changes nothing). */
export async function unsubscribe(ctx: PressListContext, token: string): Promise<void> {
  if (!isToken(token)) return;
  const now = ctx.deps.clock.now();
  await ctx.tdb.transaction(async (tx) => {
    const row = await repo.byUnsubscribeHash(tx, hashToken(token));
    if (!row) return;
    await repo.remove(tx, row.id);
    await recordAudit(tx, { actorId: null, actorRoles: [], action: 'presse.presslist.unsubscribe', objectType: 'press_subscriber', objectId: row.id, at: now });
  });
}

/**
 * Sends every published release whose embargo has passed and that was not sent yet. The releases are locked
 * (SKIP LOCKED: two workers never take the same one); mails and `mailedAt` commit together.
 */
export async function sendDueReleases(ctx: PressListContext): Promise<number> {
  const now = ctx.deps.clock.now();
  return ctx.tdb.transaction(async (tx) => {
    const due = await releases.dueForMailing(tx, now);
    if (due.length === 0) return 0;
    const { contact } = await settingsOf(tx, ctx.tenant);
    let sent = 0;
    for (const release of due) {
      const url = `${tenantUrl(ctx)}/presse/${releaseRef(release)}`;
      const html = renderRelease(release.dateline, release.body, `${tenantUrl(ctx)}/arbeitsmarkt.svg`);
      const to = await repo.recipients(tx, release.categories);
      await enqueueMails(
        tx,
        to.map((subscriber) => releaseMail({ to: subscriber.email, tenant: ctx.tenant, release, bodyHtml: html, contact, url, unsubscribe: unsubscribeUrl(ctx, subscriber.id) })),
      );
      await releases.updateRelease(tx, release.id, { mailedAt: now });
      await recordAudit(tx, { actorId: null, actorRoles: [], action: 'presse.presslist.send', objectType: 'press_release', objectId: release.id, purpose: `recipients:${to.length}`, at: now });
      sent += to.length;
    }
    return sent;
  });
}

export async function sendDueOfAllTenants(deps: AppDeps): Promise<number> {
  let sent = 0;
  for (const tenant of await tenantsRepository.list(deps.database.db)) {
    sent += await sendDueReleases({ deps, tenant, tdb: new TenantDb(deps.database.db, tenant.id) });
  }
  return sent;
}

async function purgeOfAllTenants(deps: AppDeps): Promise<number> {
  let purged = 0;
  for (const tenant of await tenantsRepository.list(deps.database.db)) purged += await repo.purgeUnconfirmed(new TenantDb(deps.database.db, tenant.id), deps.clock.now());
  return purged;
}

export const presseJobs: BackgroundJob[] = [
  { name: 'presse.presslist.send', everyMs: 60_000, run: async (deps) => ({ done: await sendDueOfAllTenants(deps) }) },
  { name: 'presse.presslist.purge', everyMs: 3_600_000, run: async (deps) => ({ done: await purgeOfAllTenants(deps) }) },
];
