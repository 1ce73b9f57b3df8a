import { join } from 'node:path';
import type { Config } from '../../shared/config.js';
import { DiskFileStore, type FileStore } from './storage.js';

const stores = new Map<string, Promise<FileStore>>();

/**
 * The file store of this configuration (DATA_DIR/files, or the S3 bucket with DATA_DIR/files/.incoming for
 * plaintext during a request), checked once per process: a missing bucket fails the first upload loudly.
 */
export function openFileStore(config: Pick<Config, 'dataDir' | 'storage'>): Promise<FileStore> {
  const root = join(config.dataDir, 'files');
  const storage = config.storage;
  const cacheKey = storage.kind === 's3' ? `${root}|s3|${storage.endpoint ?? ''}|${storage.bucket}|${storage.prefix}` : root;
  let store = stores.get(cacheKey);
  if (!store) {
    // The AWS SDK is loaded only for STORAGE=s3 (about 20 MB).
    const created: Promise<FileStore> =
      storage.kind === 's3' ? import('./s3Storage.js').then(({ S3FileStore }) => new S3FileStore(root, storage)) : Promise.resolve(new DiskFileStore(root));
    store = created.then(async (s) => {
      await s.ensureDirectories();
      return s;
    });
    store.catch(() => stores.delete(cacheKey));
    stores.set(cacheKey, store);
  }
  return store;
}

/** The disk store of a test's DATA_DIR, for tests that reach into its directories. */
export async function openDiskFileStore(config: Pick<Config, 'dataDir'>): Promise<DiskFileStore> {
  const store = await openFileStore({ dataDir: config.dataDir, storage: { kind: 'disk' } });
  return store as DiskFileStore;
}
