// The short-lived process that writes one PDF from photos (photo-pdf-process.ts starts it). It gets one job over
// IPC, answers once and exits: libvips' and glibc's memory go back to the operating system with the process.
import { createWriteStream } from 'node:fs';
import { ImageConversionError, writeImagesPdf, type PdfImage } from './images-to-pdf.js';
import { inspectFile } from './inspect.js';
import type { PhotoPdfAnswer, PhotoPdfJob } from './photo-pdf-process.js';

// The parent died (kill -9): nobody waits for this PDF any more.
process.on('disconnect', () => process.exit(0));
process.once('message', (job: PhotoPdfJob) => {
  void (async () => {
    let answer: PhotoPdfAnswer;
    try {
      const images: PdfImage[] = [];
      for (const [index, photo] of job.photos.entries()) {
        const inspected = await inspectFile(photo.path, photo.name, { maxBytes: job.maxBytes });
        if (!inspected.ok || inspected.kind === 'pdf') throw new ImageConversionError('image-broken', index);
        images.push({ kind: inspected.kind, data: photo.path });
      }
      const result = await writeImagesPdf(images, createWriteStream(job.output, { mode: 0o600 }), { title: job.title, now: () => new Date(job.createdAt) });
      answer = { ok: true, pages: result.pages };
    } catch (error) {
      answer =
        error instanceof ImageConversionError
          ? { ok: false, reason: error.reason, index: error.index }
          : { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    process.send!(answer, () => process.disconnect());
  })();
});
