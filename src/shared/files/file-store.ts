// Opens the file store a configuration names; the composition root calls it once per process.
import { join } from 'node:path';
import type { Config } from '../config.js';
import { DiskFileStore, type FileStore } from './storage.js';

/**
 * The file store of this configuration: DATA_DIR/files, or the S3 bucket with DATA_DIR/files/.incoming for
 * plaintext during a request. Its directories are created here, so a wrong DATA_DIR fails at start.
 */
export async function openFileStore(config: Pick<Config, 'dataDir' | 'storage'>): Promise<FileStore> {
  const root = join(config.dataDir, 'files');
  const storage = config.storage;
  // The AWS SDK is loaded only for STORAGE=s3 (about 20 MB).
  const store: FileStore = storage.kind === 's3' ? new (await import('./s3Storage.js')).S3FileStore(root, storage) : new DiskFileStore(root);
  await store.ensureDirectories();
  return store;
}
