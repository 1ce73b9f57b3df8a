// File checks of "Unterlagen nachreichen": type check by content, safe names, photos → PDF. Owns no routes and
// no tables; the upload service builds on it (storage, encryption and the virus scan are shared/files).

export { inspectedEdges, inspectFile, type FileKind, type KnownFile } from './inspect.js';
export { sanitizeName } from './sanitize-name.js';
export { ImageConversionError, writeImagesPdf } from './images-to-pdf.js';
export { writeImagesPdfInChild } from './photo-pdf-process.js';
