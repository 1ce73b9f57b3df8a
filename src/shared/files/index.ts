// Files: encrypted storage of uploaded documents (disk or S3-compatible bucket), their encryption at rest and the
// virus scan. Owns no tables; the composition root opens one store and one scanner and passes them in AppDeps.
export { openFileStore } from './file-store.js';
export { DiskFileStore, fileWriteBuffer, type FileStore } from './storage.js';
export { createScanner, type ScanVerdict, type Scanner } from './scanner.js';
export { parseMasterKey, Sha256Tap, type EncryptedCopy, type EncryptedFile, type EncryptOptions } from './encryption.js';
export { ScanTap } from './scan-tap.js';
export { TeeTap } from './tee.js';
export { EdgesTap, type Edges } from './edges-tap.js';
