// Parses an uploaded PDF off the main thread: pdf-lib needs seconds of CPU for a hostile file (5 MB of random bytes
// behind "%PDF-1.4" took 9.8 s), and on the main thread that stops every other request. A worker thread with a time
// and a heap limit does it instead, at most `concurrent` at once per process (doc/adr/0129-inspection-off-main-thread.md).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DomainError } from '#shared/http/errors.js';

export const pdfInspection = {
  /** Wall-clock limit of one parse; a real scan of 100 pages takes well under a second. */
  timeoutMs: 15_000,
  /** Heap of the worker; a file that needs more is refused, not the process killed. */
  memoryMb: 256,
  /** Parses at once per process (the machine has few cores; uploads must not starve the pages). */
  concurrent: 2,
  /** Uploads waiting for a free slot; more are turned away (503) instead of piling up. */
  queued: 16,
};

export type PdfCheck = { pages: number } | { reason: 'pdf-broken' | 'pdf-encrypted' | 'too-complex' };

/** Too many uploads waiting for inspection at once: try again in a moment. */
export class InspectionBusyError extends DomainError {
  constructor() {
    super(503, 'unterlagen:errors.busy');
  }
}

// Plain CommonJS evaluated in the worker, so it runs the same under tsx, vitest and the built server.
const source = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { PDFDocument } = require(workerData.pdfLib);
(async () => {
  try {
    const bytes = workerData.path ? readFileSync(workerData.path) : workerData.bytes;
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    if (doc.isEncrypted) return parentPort.postMessage({ reason: 'pdf-encrypted' });
    parentPort.postMessage({ pages: doc.getPageCount() });
  } catch {
    parentPort.postMessage({ reason: 'pdf-broken' });
  }
})();
`;
const pdfLib = createRequire(import.meta.url).resolve('pdf-lib');

let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < pdfInspection.concurrent) {
    running++;
    return;
  }
  if (waiting.length >= pdfInspection.queued) throw new InspectionBusyError();
  // The slot is handed over by release(), so `running` stays counted.
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** Page count of a PDF (a path or its bytes), or why it is refused; throws InspectionBusyError when overloaded. */
export async function checkPdfInWorker(input: string | Uint8Array): Promise<PdfCheck> {
  await acquire();
  try {
    return await new Promise<PdfCheck>((resolve) => {
      const worker = new Worker(source, {
        eval: true,
        workerData: typeof input === 'string' ? { pdfLib, path: input } : { pdfLib, bytes: input },
        resourceLimits: { maxOldGenerationSizeMb: pdfInspection.memoryMb, maxYoungGenerationSizeMb: 32 },
        stdout: true,
        stderr: true,
      });
      let settled = false;
      const finish = (result: PdfCheck) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      };
      const timer = setTimeout(() => finish({ reason: 'too-complex' }), pdfInspection.timeoutMs);
      worker.once('message', (message: PdfCheck) => finish(message));
      // ERR_WORKER_OUT_OF_MEMORY when the heap limit is hit.
      worker.once('error', () => finish({ reason: 'too-complex' }));
      worker.once('exit', () => finish({ reason: 'too-complex' }));
    });
  } finally {
    release();
  }
}
