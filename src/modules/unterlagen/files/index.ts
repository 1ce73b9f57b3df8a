// File-handling core of "Unterlagen nachreichen": type check by content, safe names, photos → PDF,
// encryption at rest and the virus scan. Owns no routes and no tables; the upload service builds on it.

export {
  defaultInspectLimits,
  inspectFile,
  type FileKind,
  type InspectLimits,
  type InspectResult,
  type ReasonCode,
} from './inspect.js';
export { extensionOf, isSuspiciousName, maxNameLength, sanitizeName } from './sanitizeName.js';
export { ImageConversionError, imagesToPdf, writeImagesPdf, type ImagesToPdfOptions, type PdfImage } from './imagesToPdf.js';
export {
  createDecryptStream,
  createEncryptStream,
  decryptFile,
  DecryptionError,
  encryptFile,
  generateDataKey,
  parseMasterKey,
  Sha256Tap,
  unwrapDataKey,
  wrapDataKey,
  wrappedKeyLength,
  type EncryptedFile,
} from './crypto.js';
export {
  createClamdClient,
  ScannerUnavailableError,
  type ClamdAddress,
  type ClamdClient,
  type ClamdOptions,
  type ScanResult,
} from './clamd.js';
