// SQL of external trainers' personal links (stored as token hashes), through TenantDb.
import { eq, gt } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { seminarTrainerLinks, type NewRow } from './seminare.tables.js';

export const insert = (tdb: TenantDb, values: NewRow<typeof seminarTrainerLinks>) => tdb.insert(seminarTrainerLinks, values);

export const removeOfSession = (tdb: TenantDb, sessionId: string) => tdb.delete(seminarTrainerLinks, eq(seminarTrainerLinks.sessionId, sessionId));

export const live = (tdb: TenantDb, tokenHash: string, now: Date) => tdb.first(seminarTrainerLinks, eq(seminarTrainerLinks.tokenHash, tokenHash), gt(seminarTrainerLinks.expiresAt, now));
