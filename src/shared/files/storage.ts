// Encrypted file stores: on disk below DATA_DIR/files (this file) or in an S3 bucket (s3Storage.ts).
// Crash safety comes from the order of steps (see ADR 0005): the encrypted file is written durably under
// a staging name, then the database row is committed (storage_state 'staged'), then the file is moved
// into place and the row marked 'stored'. The cleanup job rolls forward what a crash interrupted and
// removes what was never committed.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { isUuid } from '../ids.js';
import { createDecryptStream, encryptFile, unwrapDataKey, type EncryptedCopy, type EncryptedFile, type EncryptOptions } from './encryption.js';

export interface StagedEntry {
  tenantId: string;
  fileId: string;
  modifiedAt: Date;
}

/** What the upload, review and maintenance code needs from a store; both stores pass the same contract test. */
export interface FileStore {
  /** Plaintext of uploads while a request checks them (always local disk); removed at the end of the request. */
  readonly incomingDir: string;
  ensureDirectories(): Promise<void>;
  incomingPath(): string;
  /** Encrypts the plaintext under the staging name; resolves only once it is durable. */
  stage(tenantId: string, fileId: string, plaintext: Readable, masterKey: Buffer): Promise<EncryptedFile>;
  /** The same for bytes the caller hashes itself while they pass (ADR 0380). */
  stage(tenantId: string, fileId: string, plaintext: Readable, masterKey: Buffer, options: EncryptOptions): Promise<EncryptedCopy>;
  /** Moves a committed file into place; idempotent, so a crash between move and update is harmless. */
  commit(tenantId: string, fileId: string): Promise<void>;
  locate(tenantId: string, fileId: string): Promise<'final' | 'staged' | 'none'>;
  /** The decrypted content. GCM authenticates at the end: a tampered file makes the stream fail late. */
  openDecrypted(tenantId: string, fileId: string, wrappedKey: Buffer, masterKey: Buffer): Promise<Readable>;
  remove(tenantId: string, fileId: string): Promise<void>;
  listStaged(): Promise<StagedEntry[]>;
  listIncoming(): Promise<{ path: string; modifiedAt: Date }[]>;
  /** Every file in its final place, for audits and tests. */
  listStored(): Promise<{ tenantId: string; fileId: string }[]>;
}

export const storedSuffix = '.wgf';
/**
 * Bytes a file write may hold while the disk is busy: uploads arrive in 64 KB pieces, and with room for a megabyte
 * they reach the disk as one writev, not one write per piece (ADR 0380). For the store's files and the plaintext alike.
 */
export const fileWriteBuffer = 1024 * 1024;

/** A staged file's name in either store: `<tenant id>.<file id>.wgf`, so a listing tells whose file it is. */
export const stagedName = (tenantId: string, fileId: string) => `${tenantId}.${fileId}${storedSuffix}`;

/** The ids in a staged file's name, or undefined for a name no store wrote. */
export function parseStagedName(name: string): { tenantId: string; fileId: string } | undefined {
  const [tenantId, fileId] = name.slice(0, -storedSuffix.length).split('.');
  if (!name.endsWith(storedSuffix) || !tenantId || !fileId || !isUuid(tenantId) || !isUuid(fileId)) return undefined;
  return { tenantId, fileId };
}

export function assertIds(tenantId: string, fileId: string): void {
  if (!isUuid(fileId) || !isUuid(tenantId)) throw new RangeError('ids must be uuids');
}

/** Plaintext that lives only as long as one request, on local disk whatever the store. */
export class IncomingArea {
  constructor(readonly dir: string) {}

  ensure(): Promise<string | undefined> {
    return mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  path(): string {
    return join(this.dir, `${randomBytes(16).toString('hex')}.part`);
  }

  /** Leftovers of requests that never finished (crash, killed process). */
  async list(): Promise<{ path: string; modifiedAt: Date }[]> {
    const entries: { path: string; modifiedAt: Date }[] = [];
    for (const name of await listDir(this.dir)) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info) entries.push({ path, modifiedAt: info.mtime });
    }
    return entries;
  }
}

/** Decrypts a stream of a stored file; the data key is wiped when the stream closes. */
export function decryptStream(source: Readable, wrappedKey: Buffer, masterKey: Buffer): Readable {
  const dataKey = unwrapDataKey(wrappedKey, masterKey);
  const decrypt = createDecryptStream(dataKey);
  // The decipher is created from the key on the first chunk, so it is wiped only at the end.
  decrypt.once('close', () => dataKey.fill(0));
  source.once('error', (error) => decrypt.destroy(error));
  return source.pipe(decrypt);
}

export class DiskFileStore implements FileStore {
  readonly incomingDir: string;
  private readonly incoming: IncomingArea;
  private readonly stagingDir: string;

  constructor(readonly root: string) {
    this.incomingDir = join(root, '.incoming');
    this.incoming = new IncomingArea(this.incomingDir);
    this.stagingDir = join(root, '.staging');
  }

  async ensureDirectories(): Promise<void> {
    await this.incoming.ensure();
    await mkdir(this.stagingDir, { recursive: true, mode: 0o700 });
  }

  incomingPath(): string {
    return this.incoming.path();
  }

  private tenantDir(tenantId: string): string {
    if (!isUuid(tenantId)) throw new RangeError('tenant id must be a uuid');
    return join(this.root, tenantId);
  }

  finalPath(tenantId: string, fileId: string): string {
    if (!isUuid(fileId)) throw new RangeError('file id must be a uuid');
    return join(this.tenantDir(tenantId), `${fileId}${storedSuffix}`);
  }

  stagedPath(tenantId: string, fileId: string): string {
    assertIds(tenantId, fileId);
    return join(this.stagingDir, stagedName(tenantId, fileId));
  }

  stage(tenantId: string, fileId: string, plaintext: Readable, masterKey: Buffer): Promise<EncryptedFile>;
  stage(tenantId: string, fileId: string, plaintext: Readable, masterKey: Buffer, options: EncryptOptions): Promise<EncryptedCopy>;
  async stage(tenantId: string, fileId: string, plaintext: Readable, masterKey: Buffer, options?: EncryptOptions): Promise<EncryptedFile | EncryptedCopy> {
    const path = this.stagedPath(tenantId, fileId);
    try {
      const encrypted = await encryptFile(plaintext, createWriteStream(path, { mode: 0o600, flush: true, highWaterMark: fileWriteBuffer }), masterKey, options);
      await syncDirectory(this.stagingDir);
      return encrypted;
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  async commit(tenantId: string, fileId: string): Promise<void> {
    const dir = this.tenantDir(tenantId);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    try {
      await rename(this.stagedPath(tenantId, fileId), this.finalPath(tenantId, fileId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await this.locate(tenantId, fileId)) === 'final') return;
      throw error;
    }
    await syncDirectory(dir);
  }

  async locate(tenantId: string, fileId: string): Promise<'final' | 'staged' | 'none'> {
    if (await exists(this.finalPath(tenantId, fileId))) return 'final';
    if (await exists(this.stagedPath(tenantId, fileId))) return 'staged';
    return 'none';
  }

  async openDecrypted(tenantId: string, fileId: string, wrappedKey: Buffer, masterKey: Buffer): Promise<Readable> {
    const where = await this.locate(tenantId, fileId);
    if (where === 'none') throw new Error('stored file is missing');
    const path = where === 'final' ? this.finalPath(tenantId, fileId) : this.stagedPath(tenantId, fileId);
    return decryptStream(createReadStream(path), wrappedKey, masterKey);
  }

  async remove(tenantId: string, fileId: string): Promise<void> {
    await rm(this.finalPath(tenantId, fileId), { force: true });
    await rm(this.stagedPath(tenantId, fileId), { force: true });
  }

  async listStaged(): Promise<StagedEntry[]> {
    const entries: StagedEntry[] = [];
    for (const name of await listDir(this.stagingDir)) {
      const ids = parseStagedName(name);
      if (!ids) continue;
      const info = await stat(join(this.stagingDir, name)).catch(() => undefined);
      if (info) entries.push({ ...ids, modifiedAt: info.mtime });
    }
    return entries;
  }

  listIncoming(): Promise<{ path: string; modifiedAt: Date }[]> {
    return this.incoming.list();
  }

  async listStored(): Promise<{ tenantId: string; fileId: string }[]> {
    const result: { tenantId: string; fileId: string }[] = [];
    for (const tenantId of await listDir(this.root)) {
      if (!isUuid(tenantId)) continue;
      for (const name of await listDir(join(this.root, tenantId))) {
        if (name.endsWith(storedSuffix)) result.push({ tenantId, fileId: name.slice(0, -storedSuffix.length) });
      }
    }
    return result;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A rename is durable only once the directory entry is flushed. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
