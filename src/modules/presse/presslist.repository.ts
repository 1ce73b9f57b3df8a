// SQL of the press list: subscriptions with their hashed tokens, confirmation, unsubscription, and the confirmed
// recipients of a release (those without topics, or with a topic among the release's categories).
import { and, count, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { pressSubscribers, type PressSubscriber } from './presse.tables.js';

export type NewSubscriber = Pick<PressSubscriber, 'id' | 'email' | 'categories' | 'confirmTokenHash' | 'confirmExpiresAt' | 'unsubscribeTokenHash' | 'createdAt'>;

export function byEmail(tdb: TenantDb, email: string): Promise<PressSubscriber | undefined> {
  return tdb.first(pressSubscribers, eq(pressSubscribers.email, email));
}

export function insertSubscriber(tdb: TenantDb, values: NewSubscriber): Promise<PressSubscriber> {
  return tdb.insert(pressSubscribers, values);
}

/** A new confirmation link (and topics) for a subscription that was never confirmed. */
export async function renewConfirmation(tdb: TenantDb, id: string, set: Pick<PressSubscriber, 'categories' | 'confirmTokenHash' | 'confirmExpiresAt'>): Promise<void> {
  await tdb.update(pressSubscribers, set, eq(pressSubscribers.id, id), isNull(pressSubscribers.confirmedAt));
}

/** Confirms the subscription of a valid, unexpired link; undefined when there is none (expired, used, unknown). */
export async function confirm(tdb: TenantDb, tokenHash: string, now: Date): Promise<PressSubscriber | undefined> {
  const [row] = await tdb.update(
    pressSubscribers,
    { confirmedAt: now, confirmExpiresAt: null },
    eq(pressSubscribers.confirmTokenHash, tokenHash),
    isNull(pressSubscribers.confirmedAt),
    sql`${pressSubscribers.confirmExpiresAt} > ${now}`,
  );
  return row;
}

export function byUnsubscribeHash(tdb: TenantDb, tokenHash: string): Promise<PressSubscriber | undefined> {
  return tdb.first(pressSubscribers, eq(pressSubscribers.unsubscribeTokenHash, tokenHash));
}

/** Unsubscribing deletes the row: nothing of the journalist stays (Art. 17 DSGVO). */
export function remove(tdb: TenantDb, id: string): Promise<number> {
  return tdb.delete(pressSubscribers, eq(pressSubscribers.id, id));
}

/** Confirmed subscribers who want a release of these categories. */
export function recipients(tdb: TenantDb, categories: readonly string[]): Promise<PressSubscriber[]> {
  const none = sql`cardinality(${pressSubscribers.categories}) = 0`;
  const list = sql.join(
    categories.map((c) => sql`${c}`),
    sql`, `,
  );
  const wanted = categories.length ? sql`(${none} OR ${pressSubscribers.categories} && ARRAY[${list}]::text[])` : none;
  return tdb.select(pressSubscribers, isNotNull(pressSubscribers.confirmedAt), wanted);
}

/** Deletes subscriptions whose confirmation link expired unused. */
export function purgeUnconfirmed(tdb: TenantDb, now: Date): Promise<number> {
  return tdb.delete(pressSubscribers, and(isNull(pressSubscribers.confirmedAt), lt(pressSubscribers.confirmExpiresAt, now)));
}

export async function countConfirmed(tdb: TenantDb): Promise<number> {
  const [row] = await tdb.db.select({ n: count() }).from(pressSubscribers).where(tdb.scope(pressSubscribers, isNotNull(pressSubscribers.confirmedAt)));
  return row?.n ?? 0;
}
