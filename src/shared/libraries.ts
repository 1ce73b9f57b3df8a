// Heavy libraries that only some requests need (PDF, images, charts, QR codes, SMTP, S3), loaded on first use
// and kept. Importing them at start-up cost about 100 MB of memory and 2 s per process (and per test file),
// for pages most visitors never reach. Types still come from static `import type`.

/** Memoises an async loader: the first call imports, later calls get the same promise. */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((err: unknown) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };
}

export const loadPdfkit = lazy(async () => (await import('pdfkit')).default);
export const loadFileType = lazy(() => import('file-type'));
export const loadPdfLib = lazy(() => import('pdf-lib'));
export const loadQrCode = lazy(async () => (await import('qrcode')).default);
export const loadExcelJs = lazy(async () => (await import('exceljs')).default);
export const loadSharp = lazy(async () => {
  const sharp = (await import('sharp')).default;
  // A fixed memory budget for photos (doc/adr/0270-upload-streaming.md): no libvips cache of decoded images (the
  // server never reads one image twice) and one libvips thread per image instead of one per core.
  sharp.cache(false);
  sharp.concurrency(1);
  return sharp;
});
export const loadHeicConvert = lazy(async () => (await import('heic-convert')).default);
export const loadNodemailer = lazy(async () => (await import('nodemailer')).default);
export const loadVega = lazy(async () => ({ vega: await import('vega'), vegaLite: await import('vega-lite') }));
