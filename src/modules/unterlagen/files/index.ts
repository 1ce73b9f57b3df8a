// File checks of "Unterlagen nachreichen": type check by content, safe names, photos → PDF. Owns no routes and
// no tables; the upload service builds on it (storage, encryption and the virus scan are shared/files).

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
