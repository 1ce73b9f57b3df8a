// The cleanup job repairs each state a crash can leave; the retention job deletes processed uploads.
import { mkdir, rename, utimes, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { createMitwirkungsaufforderung } from './aufforderung.service.js';
import { pdfWithPages } from './files/test/fixtures.js';
import { applyRetention, cleanupStorage } from './maintenance.js';
import type { DiskFileStore } from '#shared/files/storage.js';
import { file, freeFields, multipart } from './test/multipart.js';
import { mitwirkungsaufforderungen, uploadFiles, uploads } from './unterlagen.tables.js';

let ctx: TestContext;
let store: DiskFileStore;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => {
  ctx = await createTestContext();
  store = ctx.deps.fileStore as DiskFileStore;
});
afterAll(async () => ctx?.close());

async function upload(): Promise<{ uploadId: string; fileId: string }> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...freeFields(), file('a.pdf', await pdfWithPages(1))]) });
  const uploadId = res.json<{ id: string }>().id;
  const [row] = await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.uploadId, uploadId));
  return { uploadId, fileId: row!.id };
}

const stateOf = async (fileId: string) => (await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.id, fileId)))[0]?.storageState;

describe('cleanupStorage', () => {
  it('repairs every state an interrupted upload can leave, and only once it is old enough', async () => {
    const tenantId = ctx.tenant.id;
    // Committed, but killed before the rename: the file is still staged.
    const beforeRename = await upload();
    await ctx.database.db.update(uploadFiles).set({ storageState: 'staged' }).where(eq(uploadFiles.id, beforeRename.fileId));
    await rename(store.finalPath(tenantId, beforeRename.fileId), store.stagedPath(tenantId, beforeRename.fileId));
    // Renamed, but killed before the row was marked.
    const beforeMark = await upload();
    await ctx.database.db.update(uploadFiles).set({ storageState: 'staged' }).where(eq(uploadFiles.id, beforeMark.fileId));
    // A row whose file is gone (disk trouble): marked, never shown as available.
    const lost = await upload();
    await ctx.database.db.update(uploadFiles).set({ storageState: 'staged' }).where(eq(uploadFiles.id, lost.fileId));
    await store.remove(tenantId, lost.fileId);
    // Killed before the commit: a staged file without a row, and plaintext of the request.
    const orphanId = randomUUID();
    await mkdir(store.incomingDir, { recursive: true });
    await writeFile(store.stagedPath(tenantId, orphanId), 'ciphertext');
    const plaintext = store.incomingPath();
    await writeFile(plaintext, '%PDF-');
    // A deletion interrupted after marking.
    const deleting = await upload();
    await ctx.database.db.update(uploadFiles).set({ storageState: 'deleting' }).where(eq(uploadFiles.id, deleting.fileId));

    // Too young: a request may still be working on it (deletions are finished at once).
    expect(await cleanupStorage(ctx.deps)).toEqual({ heldExpired: 0, incomingRemoved: 0, stagedRemoved: 0, rolledForward: 0, missing: 0, deleted: 1 });

    for (const path of [store.stagedPath(tenantId, orphanId), plaintext, store.stagedPath(tenantId, beforeRename.fileId)]) {
      await utimes(path, minutesAgo(20), minutesAgo(20));
    }
    ctx.clock.advance(20 * 60_000);
    try {
      expect(await cleanupStorage(ctx.deps)).toEqual({ heldExpired: 0, incomingRemoved: 1, stagedRemoved: 1, rolledForward: 2, missing: 1, deleted: 0 });
    } finally {
      ctx.clock.advance(-20 * 60_000);
    }
    expect(await store.locate(tenantId, beforeRename.fileId)).toBe('final');
    expect(await stateOf(beforeRename.fileId)).toBe('stored');
    expect(await stateOf(beforeMark.fileId)).toBe('stored');
    expect(await stateOf(lost.fileId)).toBe('missing');
    expect(await stateOf(deleting.fileId)).toBeUndefined();
    expect(await store.locate(tenantId, deleting.fileId)).toBe('none');
    expect(await store.locate(tenantId, orphanId)).toBe('none');
    expect(await store.listIncoming()).toEqual([]);
  });
});

describe('applyRetention', () => {
  it('deletes processed uploads with their files after the period, and keeps unprocessed ones', async () => {
    const processed = await upload();
    const waiting = await upload();
    const now = ctx.deps.clock.now();
    await ctx.database.db
      .update(uploads)
      .set({ reviewStatus: 'accepted', reviewedAt: now, deleteAfter: new Date(now.getTime() + 180 * 86_400_000) })
      .where(eq(uploads.id, processed.uploadId));
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    const request = await createMitwirkungsaufforderung(tdb, {
      bgNummer: '12345BG0012345',
      items: [{ documentType: 'sonstiges', description: 'x', dueDate: '2026-12-01' }],
      createdBy: 'test',
    });

    expect(await applyRetention(ctx.deps)).toEqual({ uploads: 0, aufforderungen: 0 });
    ctx.clock.advance(181 * 86_400_000);
    try {
      expect(await applyRetention(ctx.deps)).toEqual({ uploads: 1, aufforderungen: 0 });
      // The request: 90 days' grace after its deadline, then the retention period.
      ctx.clock.set('2027-12-01T00:00:00Z');
      expect(await applyRetention(ctx.deps)).toMatchObject({ aufforderungen: 1 });
    } finally {
      ctx.clock.set('2026-11-25T09:00:00Z');
    }
    expect(await ctx.database.db.select().from(uploads).where(eq(uploads.id, processed.uploadId))).toEqual([]);
    expect(await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.uploadId, processed.uploadId))).toEqual([]);
    expect(await store.locate(ctx.tenant.id, processed.fileId)).toBe('none');
    expect(await ctx.database.db.select().from(uploads).where(eq(uploads.id, waiting.uploadId))).toHaveLength(1);
    expect(await store.locate(ctx.tenant.id, waiting.fileId)).toBe('final');
    expect(await ctx.database.db.select().from(mitwirkungsaufforderungen).where(eq(mitwirkungsaufforderungen.id, request.id))).toEqual([]);
  });
});
