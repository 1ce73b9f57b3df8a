// One contract for both file stores (disk and S3 against a local s3rver), then an upload through HTTP with
// STORAGE=s3 and the cleanup job repairing an interrupted commit in the bucket.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { parseMasterKey } from '#shared/files/index.js';
import { pdfWithPages } from './files/test/fixtures.js';
import { cleanupStorage } from './maintenance.js';
import { createS3Client, S3FileStore } from '#shared/files/s3Storage.js';
import { DiskFileStore, type FileStore } from '#shared/files/storage.js';
import { file, freeFields, multipart } from './test/multipart.js';
import { startS3, type S3Fixture } from '#shared/files/test/s3.js';
import { uploadFiles } from './unterlagen.tables.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const masterKey = randomBytes(32);
const tenantId = randomUUID();

let s3: S3Fixture;
let localRoot: string;
beforeAll(async () => {
  s3 = await startS3();
  localRoot = mkdtempSync(join(tmpdir(), 'wegweiser-store-'));
});
afterAll(async () => {
  await s3?.close();
  if (localRoot) rmSync(localRoot, { recursive: true, force: true });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(chunks);
}

/** Raw stored bytes, to prove only ciphertext is at rest. */
async function rawBytes(kind: string, store: FileStore, fileId: string): Promise<Buffer> {
  if (kind === 'disk') return readFile((store as DiskFileStore).finalPath(tenantId, fileId));
  const object = await createS3Client(s3.options).send(new GetObjectCommand({ Bucket: s3.options.bucket, Key: (store as S3FileStore).finalKey(tenantId, fileId) }));
  return readAll(object.Body as Readable);
}

const stores: [string, () => FileStore][] = [
  ['disk', () => new DiskFileStore(join(localRoot, 'disk'))],
  ['s3', () => new S3FileStore(join(localRoot, 's3'), s3.options)],
];

describe.each(stores)('%s file store', (kind, make) => {
  let store: FileStore;
  beforeAll(async () => {
    store = make();
    await store.ensureDirectories();
  });

  it('stages, commits (twice, harmlessly), reads back and removes an encrypted file', async () => {
    const fileId = randomUUID();
    const plaintext = Buffer.from('%PDF-1.7 Kontoauszug Erika Beispiel');
    const encrypted = await store.stage(tenantId, fileId, Readable.from([plaintext]), masterKey);
    expect(encrypted).toMatchObject({ sha256: sha256(plaintext), size: plaintext.length });
    expect(await store.locate(tenantId, fileId)).toBe('staged');
    expect((await store.listStaged()).map((e) => e.fileId)).toContain(fileId);

    await store.commit(tenantId, fileId);
    await store.commit(tenantId, fileId);
    expect(await store.locate(tenantId, fileId)).toBe('final');
    expect((await store.listStaged()).map((e) => e.fileId)).not.toContain(fileId);
    expect(await store.listStored()).toContainEqual({ tenantId, fileId });

    const raw = await rawBytes(kind, store, fileId);
    expect(raw.subarray(0, 4).toString('latin1')).toBe('WGF1');
    expect(raw.includes('Erika')).toBe(false);
    expect(await readAll(await store.openDecrypted(tenantId, fileId, encrypted.wrappedKey, masterKey))).toEqual(plaintext);
    // Another master key cannot read it: the stream fails instead of yielding garbage.
    await expect((async () => readAll(await store.openDecrypted(tenantId, fileId, encrypted.wrappedKey, randomBytes(32))))()).rejects.toThrow(/decryption failed/);

    await store.remove(tenantId, fileId);
    await store.remove(tenantId, fileId);
    expect(await store.locate(tenantId, fileId)).toBe('none');
    await expect(store.openDecrypted(tenantId, fileId, encrypted.wrappedKey, masterKey)).rejects.toThrow(/missing/);
  });

  it('streams a file larger than several upload parts, byte for byte', async () => {
    const fileId = randomUUID();
    const content = randomBytes(13 * 1024 * 1024 + 17);
    // Delivered in 64 KiB chunks, as a request stream would be.
    const chunks = Array.from({ length: Math.ceil(content.length / 65536) }, (_, i) => content.subarray(i * 65536, (i + 1) * 65536));
    const encrypted = await store.stage(tenantId, fileId, Readable.from(chunks), masterKey);
    await store.commit(tenantId, fileId);
    const back = await readAll(await store.openDecrypted(tenantId, fileId, encrypted.wrappedKey, masterKey));
    expect(back.length).toBe(content.length);
    expect(sha256(back)).toBe(sha256(content));
    await store.remove(tenantId, fileId);
  });

  it('leaves nothing behind when the source fails halfway', async () => {
    const fileId = randomUUID();
    async function* failing() {
      yield randomBytes(6 * 1024 * 1024);
      throw new Error('client went away');
    }
    await expect(store.stage(tenantId, fileId, Readable.from(failing()), masterKey)).rejects.toThrow('client went away');
    expect(await store.locate(tenantId, fileId)).toBe('none');
    expect((await store.listStaged()).map((e) => e.fileId)).not.toContain(fileId);
  });

  it('refuses ids that are not uuids (no path or key injection)', async () => {
    await expect(store.locate(tenantId, '../../etc/passwd')).rejects.toThrow(RangeError);
    await expect(store.locate('x/..', randomUUID())).rejects.toThrow(RangeError);
  });
});

describe('STORAGE=s3 end to end', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: s3.env });
  });
  afterAll(async () => ctx?.close());

  it('keeps an upload in the bucket, and the cleanup job finishes a commit a crash interrupted', async () => {
    const pdf = await pdfWithPages(2);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...freeFields(), file('kontoauszug.pdf', pdf)]) });
    expect(res.statusCode).toBe(201);
    const [row] = await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.uploadId, res.json<{ id: string }>().id));
    expect(row!.storageState).toBe('stored');
    const store = ctx.deps.fileStore as S3FileStore;
    expect(store).toBeInstanceOf(S3FileStore);
    expect(await store.listStored()).toContainEqual({ tenantId: ctx.tenant.id, fileId: row!.id });
    const master = parseMasterKey(ctx.deps.config.filesMasterKey);
    expect(sha256(await readAll(await store.openDecrypted(ctx.tenant.id, row!.id, Buffer.from(row!.wrappedKey, 'base64'), master)))).toBe(row!.sha256);

    // Killed after the row was committed but before the copy: the object is still under staging/.
    const client = createS3Client(s3.options);
    const staged = store.stagedKey(ctx.tenant.id, row!.id);
    await client.send(new CopyObjectCommand({ Bucket: s3.options.bucket, Key: staged, CopySource: `${s3.options.bucket}/${store.finalKey(ctx.tenant.id, row!.id)}` }));
    await client.send(new DeleteObjectCommand({ Bucket: s3.options.bucket, Key: store.finalKey(ctx.tenant.id, row!.id) }));
    await ctx.database.db.update(uploadFiles).set({ storageState: 'staged' }).where(eq(uploadFiles.id, row!.id));
    ctx.clock.advance(20 * 60_000);
    try {
      expect(await cleanupStorage(ctx.deps, 0)).toMatchObject({ rolledForward: 1, missing: 0 });
    } finally {
      ctx.clock.advance(-20 * 60_000);
    }
    expect(await store.locate(ctx.tenant.id, row!.id)).toBe('final');
    const [after] = await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.id, row!.id));
    expect(after!.storageState).toBe('stored');
  });
});
