// Test helpers of Unterlagen for other modules' tests: lookups that would otherwise need this module's tables.
import { readdir } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { parseMasterKey, Sha256Tap } from '#shared/files/index.js';
import type { AppDeps } from '#shared/module.js';
import type { TestContext } from '#shared/testing/context.js';
import { cleanupStorage } from './maintenance.js';
import { mitwirkungsaufforderungen, uploadFiles, uploads, type Mitwirkungsaufforderung } from './unterlagen.tables.js';

/** The Mitwirkungsaufforderungen that were created for an online application. */
export async function aufforderungenForApplication(ctx: TestContext, applicationId: string): Promise<Mitwirkungsaufforderung[]> {
  return ctx.deps.database.db.select().from(mitwirkungsaufforderungen).where(eq(mitwirkungsaufforderungen.applicationId, applicationId));
}

/**
 * After a crash or a fault: runs the cleanup job, then asserts that nothing is half-written — every acknowledged
 * upload is there with `filesPerUpload` documents, every row has its file and it decrypts to the recorded hash,
 * every stored file has its row, and no temporary or staged file is left. Returns what the cleanup repaired.
 */
export async function expectUploadsIntact(deps: AppDeps, acknowledged: readonly string[], filesPerUpload: number): Promise<Awaited<ReturnType<typeof cleanupStorage>>> {
  const run = await cleanupStorage(deps, 0);
  const store = deps.fileStore;
  const db = deps.database.db;
  const rows = await db.select().from(uploadFiles);
  const uploadIds = new Set((await db.select({ id: uploads.id }).from(uploads)).map((u) => u.id));
  for (const id of acknowledged) expect(uploadIds.has(id), `acknowledged upload ${id}`).toBe(true);
  const masterKey = parseMasterKey(deps.config.filesMasterKey);
  for (const row of rows) {
    expect(row.storageState, row.id).toBe('stored');
    expect(await store.locate(row.tenantId, row.id)).toBe('final');
    const tap = new Sha256Tap();
    await pipeline(await store.openDecrypted(row.tenantId, row.id, Buffer.from(row.wrappedKey, 'base64'), masterKey), tap, new Writable({ write: (_c, _e, cb) => cb() }));
    expect(tap.sha256).toBe(row.sha256);
  }
  const rowIds = new Set(rows.map((r) => r.id));
  for (const stored of await store.listStored()) expect(rowIds.has(stored.fileId), `file ${stored.fileId}`).toBe(true);
  expect(await readdir(store.incomingDir)).toEqual([]);
  expect(await store.listStaged()).toEqual([]);
  for (const id of uploadIds) expect(rows.filter((r) => r.uploadId === id).length, id).toBe(filesPerUpload);
  return run;
}
