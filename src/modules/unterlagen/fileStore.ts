import { join } from 'node:path';
import type { Config } from '../../shared/config.js';
import { DiskFileStore } from './storage.js';

const stores = new Map<string, Promise<DiskFileStore>>();

/** The file store below DATA_DIR/files, with its directories created once per process. */
export function openFileStore(config: Pick<Config, 'dataDir'>): Promise<DiskFileStore> {
  const root = join(config.dataDir, 'files');
  let store = stores.get(root);
  if (!store) {
    const created = new DiskFileStore(root);
    store = created.ensureDirectories().then(() => created);
    store.catch(() => stores.delete(root));
    stores.set(root, store);
  }
  return store;
}
