// SQL of the staff module: users, sessions, tokens, recovery codes and login throttles.
import { asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '#shared/db/client.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { loginThrottle, staffRecoveryCodes, staffSessions, staffTokens, staffUsers, type StaffSession, type StaffUser } from './staff.tables.js';

type NewUser = Omit<typeof staffUsers.$inferInsert, 'tenantId' | 'id'>;
type UserChanges = Partial<NewUser>;

export const userByEmail = (tdb: TenantDb, email: string) => tdb.first(staffUsers, eq(staffUsers.email, email.toLowerCase()));

export const userById = (tdb: TenantDb, id: string) => tdb.first(staffUsers, eq(staffUsers.id, id));

export const listUsers = (tdb: TenantDb): Promise<StaffUser[]> =>
  tdb.db.select().from(staffUsers).where(tdb.scope(staffUsers)).orderBy(asc(staffUsers.displayName));

export const insertUser = (tdb: TenantDb, user: NewUser) => tdb.insert(staffUsers, { ...user, email: user.email.toLowerCase() });

export async function updateUser(tdb: TenantDb, id: string, changes: UserChanges): Promise<StaffUser | undefined> {
  const [row] = await tdb.update(staffUsers, changes, eq(staffUsers.id, id));
  return row;
}

/** Atomic: only one request can use a given TOTP step (concurrent replays lose). */
export async function claimTotpStep(tdb: TenantDb, id: string, step: number): Promise<boolean> {
  const rows = await tdb.update(
    staffUsers,
    { totpLastStep: step },
    eq(staffUsers.id, id),
    or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step)),
  );
  return rows.length === 1;
}

type NewSession = Omit<typeof staffSessions.$inferInsert, 'tenantId' | 'id'>;

export const insertSession = (tdb: TenantDb, session: NewSession) => tdb.insert(staffSessions, session);

export const sessionByTokenHash = (tdb: TenantDb, tokenHash: string) => tdb.first(staffSessions, eq(staffSessions.tokenHash, tokenHash));

export const sessionById = (tdb: TenantDb, id: string) => tdb.first(staffSessions, eq(staffSessions.id, id));

export const touchSession = (tdb: TenantDb, id: string, at: Date) => tdb.update(staffSessions, { lastSeenAt: at }, eq(staffSessions.id, id));

export async function revokeSession(tdb: TenantDb, id: string, at: Date): Promise<boolean> {
  const rows = await tdb.update(staffSessions, { revokedAt: at }, eq(staffSessions.id, id), isNull(staffSessions.revokedAt));
  return rows.length === 1;
}

export async function revokeSessionsOf(tdb: TenantDb, userId: string, at: Date, exceptId?: string): Promise<number> {
  const rows = await tdb.update(
    staffSessions,
    { revokedAt: at },
    eq(staffSessions.userId, userId),
    isNull(staffSessions.revokedAt),
    exceptId ? sql`${staffSessions.id} <> ${exceptId}` : undefined,
  );
  return rows.length;
}

/** Sessions that are not revoked and were used since `activeSince` (older ones are expired anyway). */
export const activeSessions = (tdb: TenantDb, activeSince: Date, createdSince: Date, userId?: string): Promise<StaffSession[]> =>
  tdb.db
    .select()
    .from(staffSessions)
    .where(
      tdb.scope(
        staffSessions,
        isNull(staffSessions.revokedAt),
        eq(staffSessions.stage, 'full'),
        gt(staffSessions.lastSeenAt, activeSince),
        gt(staffSessions.createdAt, createdSince),
        userId ? eq(staffSessions.userId, userId) : undefined,
      ),
    )
    .orderBy(asc(staffSessions.createdAt));

export const insertToken = (tdb: TenantDb, token: Omit<typeof staffTokens.$inferInsert, 'tenantId' | 'id'>) => tdb.insert(staffTokens, token);

export const tokenByHash = (tdb: TenantDb, tokenHash: string) => tdb.first(staffTokens, eq(staffTokens.tokenHash, tokenHash));

/** Single use: the first caller wins. */
export async function useToken(tdb: TenantDb, id: string, at: Date): Promise<boolean> {
  const rows = await tdb.update(staffTokens, { usedAt: at }, eq(staffTokens.id, id), isNull(staffTokens.usedAt));
  return rows.length === 1;
}

/** An open invitation or reset link dies when a newer one is sent. */
export const expireOpenTokens = (tdb: TenantDb, userId: string, at: Date) =>
  tdb.update(staffTokens, { usedAt: at }, eq(staffTokens.userId, userId), isNull(staffTokens.usedAt));

export async function replaceRecoveryCodes(tdb: TenantDb, userId: string, codeHashes: string[]): Promise<void> {
  await tdb.delete(staffRecoveryCodes, eq(staffRecoveryCodes.userId, userId));
  await tdb.insertMany(staffRecoveryCodes, codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export async function useRecoveryCode(tdb: TenantDb, userId: string, codeHash: string, at: Date): Promise<boolean> {
  const rows = await tdb.update(
    staffRecoveryCodes,
    { usedAt: at },
    eq(staffRecoveryCodes.userId, userId),
    eq(staffRecoveryCodes.codeHash, codeHash),
    isNull(staffRecoveryCodes.usedAt),
  );
  return rows.length === 1;
}

export async function remainingRecoveryCodes(tdb: TenantDb, userId: string): Promise<number> {
  const rows = await tdb.select(staffRecoveryCodes, eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt));
  return rows.length;
}

export async function throttleLockedUntil(tdb: TenantDb, keys: string[], now: Date): Promise<Date[]> {
  const rows = await tdb.select(loginThrottle, inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, now));
  return rows.map((r) => r.lockedUntil!);
}

/** Counts one failure atomically (concurrent failures all count). */
export async function countThrottleFailure(tdb: TenantDb, key: string, at: Date, resetBefore: Date): Promise<number> {
  const rows = await tdb.db
    .insert(loginThrottle)
    .values({ tenantId: tdb.tenantId, key, failures: 1, lastFailureAt: at })
    .onConflictDoUpdate({
      target: [loginThrottle.tenantId, loginThrottle.key],
      // A quiet hour forgives earlier failures.
      set: {
        failures: sql`case when ${loginThrottle.lastFailureAt} < ${resetBefore.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
        lastFailureAt: at,
      },
    })
    .returning({ failures: loginThrottle.failures });
  return rows[0]!.failures;
}

export const lockThrottle = (tdb: TenantDb, key: string, until: Date) => tdb.update(loginThrottle, { lockedUntil: until }, eq(loginThrottle.key, key));

export const clearThrottle = (tdb: TenantDb, key: string) => tdb.delete(loginThrottle, eq(loginThrottle.key, key));

/** Dev mail viewer only: the newest outbox rows of all tenants. */
export async function latestOutboxMessages(db: Executor, limit: number) {
  return db
    .select({ id: outboxMessages.id, kind: outboxMessages.kind, to: outboxMessages.to, subject: outboxMessages.subject, status: outboxMessages.status, createdAt: outboxMessages.createdAt, text: outboxMessages.text })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
}
