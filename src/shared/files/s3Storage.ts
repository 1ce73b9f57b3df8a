// The encrypted file store on S3-compatible object storage (STORAGE=s3). Same steps as on disk (ADR 0005,
// ADR 0009): the ciphertext is uploaded under "staging/", the row committed, then the object is copied to its
// final key and the staging object deleted. A PUT is durable once S3 answers, so no fsync is needed; the
// copy is idempotent, so the cleanup job can repeat it after a crash. Plaintext never leaves this machine.
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { isUuid } from '../ids.js';
import { encryptFile, type EncryptedCopy, type EncryptedFile, type EncryptOptions } from './encryption.js';
import { assertIds, decryptStream, IncomingArea, parseStagedName, stagedName, storedSuffix, type FileStore, type StagedEntry } from './storage.js';

export interface S3StoreOptions {
  bucket: string;
  /** Key prefix inside the bucket, e.g. "wegweiser/" (empty: the bucket root). */
  prefix: string;
  endpoint?: string | undefined;
  region: string;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
}

/** 5 MiB parts, two in flight: memory per upload stays near 10 MiB whatever the file size. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

export function createS3Client(options: S3StoreOptions): S3Client {
  const config: S3ClientConfig = {
    region: options.region,
    // Checksums only where S3 requires them: with the SDK's default (always), streamed multipart uploads
    // are reported stored corrupted by some S3-compatible servers, s3rver among them (ADR 0009). Integrity is AES-GCM's job anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.forcePathStyle = true;
  }
  if (options.accessKeyId && options.secretAccessKey) {
    config.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
  }
  return new S3Client(config);
}

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

export class S3FileStore implements FileStore {
  readonly incomingDir: string;
  private readonly incoming: IncomingArea;
  private readonly client: S3Client;

  constructor(
    localRoot: string,
    private readonly options: S3StoreOptions,
    client?: S3Client,
  ) {
    this.incomingDir = join(localRoot, '.incoming');
    this.incoming = new IncomingArea(this.incomingDir);
    this.client = client ?? createS3Client(options);
  }

  /** Creates the local plaintext area and fails at once, with the bucket's name, when the bucket is not reachable. */
  async ensureDirectories(): Promise<void> {
    await this.incoming.ensure();
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
    } catch (error) {
      throw new Error(`S3 bucket "${this.options.bucket}" is not reachable: ${(error as Error).name}`, { cause: error });
    }
  }

  incomingPath(): string {
    return this.incoming.path();
  }

  finalKey(tenantId: string, fileId: string): string {
    assertIds(tenantId, fileId);
    return `${this.options.prefix}${tenantId}/${fileId}${storedSuffix}`;
  }

  stagedKey(tenantId: string, fileId: string): string {
    assertIds(tenantId, fileId);
    return `${this.options.prefix}staging/${stagedName(tenantId, fileId)}`;
  }

  stage(tenantId: string, fileId: string, plaintext: Readable, masterKey: Buffer): Promise<EncryptedFile>;
  stage(tenantId: string, fileId: string, plaintext: Readable, masterKey: Buffer, options: EncryptOptions): Promise<EncryptedCopy>;
  async stage(tenantId: string, fileId: string, plaintext: Readable, masterKey: Buffer, options?: EncryptOptions): Promise<EncryptedFile | EncryptedCopy> {
    const key = this.stagedKey(tenantId, fileId);
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: key, Body: body, ContentType: 'application/octet-stream' },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    const done = upload.done();
    try {
      const [encrypted] = await Promise.all([encryptFile(plaintext, body, masterKey, options), done]);
      return encrypted;
    } catch (error) {
      body.destroy();
      await upload.abort().catch(() => undefined);
      await done.catch(() => undefined);
      await this.deleteKey(key).catch(() => undefined);
      throw error;
    }
  }

  async commit(tenantId: string, fileId: string): Promise<void> {
    const from = this.stagedKey(tenantId, fileId);
    const to = this.finalKey(tenantId, fileId);
    try {
      await this.client.send(
        new CopyObjectCommand({ Bucket: this.options.bucket, Key: to, CopySource: `${this.options.bucket}/${from.split('/').map(encodeURIComponent).join('/')}` }),
      );
    } catch (error) {
      if (isNotFound(error) && (await this.exists(to))) return;
      throw error;
    }
    await this.deleteKey(from);
  }

  async locate(tenantId: string, fileId: string): Promise<'final' | 'staged' | 'none'> {
    if (await this.exists(this.finalKey(tenantId, fileId))) return 'final';
    if (await this.exists(this.stagedKey(tenantId, fileId))) return 'staged';
    return 'none';
  }

  async openDecrypted(tenantId: string, fileId: string, wrappedKey: Buffer, masterKey: Buffer): Promise<Readable> {
    const where = await this.locate(tenantId, fileId);
    if (where === 'none') throw new Error('stored file is missing');
    const key = where === 'final' ? this.finalKey(tenantId, fileId) : this.stagedKey(tenantId, fileId);
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    return decryptStream(object.Body as Readable, wrappedKey, masterKey);
  }

  async remove(tenantId: string, fileId: string): Promise<void> {
    await this.deleteKey(this.finalKey(tenantId, fileId));
    await this.deleteKey(this.stagedKey(tenantId, fileId));
  }

  async listStaged(): Promise<StagedEntry[]> {
    const entries: StagedEntry[] = [];
    const prefix = `${this.options.prefix}staging/`;
    for await (const object of this.listObjects(prefix)) {
      const ids = parseStagedName(object.key.slice(prefix.length));
      if (ids) entries.push({ ...ids, modifiedAt: object.modifiedAt });
    }
    return entries;
  }

  listIncoming(): Promise<{ path: string; modifiedAt: Date }[]> {
    return this.incoming.list();
  }

  async listStored(): Promise<{ tenantId: string; fileId: string }[]> {
    const result: { tenantId: string; fileId: string }[] = [];
    for await (const object of this.listObjects(this.options.prefix)) {
      const [tenantId, name, ...rest] = object.key.slice(this.options.prefix.length).split('/');
      if (rest.length > 0 || !tenantId || !name?.endsWith(storedSuffix) || !isUuid(tenantId)) continue;
      const fileId = name.slice(0, -storedSuffix.length);
      if (isUuid(fileId)) result.push({ tenantId, fileId });
    }
    return result;
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private async deleteKey(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  private async *listObjects(prefix: string): AsyncGenerator<{ key: string; modifiedAt: Date }> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (object.Key) yield { key: object.Key, modifiedAt: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}
