// Parses an uploaded PDF outside the server process: pdf-lib needs seconds of CPU for a hostile file (5 MB of random
// bytes behind "%PDF-1.4" took 9.8 s) and the whole file in memory (a 100 MB PDF grew the server by 114 MB). One
// checker process, started on first use and reused, runs each parse in a worker thread with a time and a heap limit
// (doc/adr/0129-inspection-off-main-thread.md, doc/adr/0270-upload-streaming.md); at most `concurrent` at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
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

// Plain CommonJS evaluated in the worker thread, so it runs the same under tsx, vitest and the built server. It loads
// pdf-lib once and then parses one file per message: loading pdf-lib and starting a thread cost ~100 ms of CPU, the
// parse of a plain 10 MB PDF ~5 ms (ADR 0340).
const parse = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { PDFDocument } = require(workerData.pdfLib);
parentPort.on('message', async (job) => {
  try {
    const bytes = job.path ? readFileSync(job.path) : job.bytes;
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    if (doc.isEncrypted) return parentPort.postMessage({ reason: 'pdf-encrypted' });
    parentPort.postMessage({ pages: doc.getPageCount() });
  } catch {
    parentPort.postMessage({ reason: 'pdf-broken' });
  }
});
parentPort.postMessage({ loaded: true });
`;

// The checker process: one job per message, each in a worker thread with pdf-lib loaded. A thread that answered is
// kept for the next job (at most as many as run at once, ended after 30 s without work); one that hit the time or
// heap limit, or failed, is ended, so a hostile file never leaves a busy or bloated thread behind.
const checker = `
const { Worker } = require('node:worker_threads');
const parse = ${JSON.stringify(parse)};
const idle = [];
process.on('disconnect', () => process.exit(0));
function park(worker) {
  const entry = { worker, retire: setTimeout(() => { idle.splice(idle.indexOf(entry), 1); void worker.terminate(); }, 30000) };
  idle.push(entry);
}
process.on('message', (job) => {
  const warm = idle.pop();
  if (warm) clearTimeout(warm.retire);
  const worker = warm ? warm.worker : new Worker(parse, {
    eval: true,
    workerData: { pdfLib: job.pdfLib },
    resourceLimits: { maxOldGenerationSizeMb: job.memoryMb, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
  // An idle thread has no job listening; its failure must not end the checker.
  if (!warm) worker.on('error', () => undefined);
  let settled = false;
  let timer;
  const finish = (result, reusable) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    worker.off('message', onMessage);
    worker.off('error', onGone);
    worker.off('exit', onGone);
    if (reusable) park(worker);
    else void worker.terminate();
    process.send({ id: job.id, result });
  };
  // The time limit counts from the moment pdf-lib is loaded: it bounds the parse, not a slow start on a busy machine.
  const start = () => {
    timer = setTimeout(() => finish({ reason: 'too-complex' }, false), job.timeoutMs);
    worker.postMessage({ path: job.path, bytes: job.bytes });
  };
  const onMessage = (message) => (message.loaded ? start() : finish(message, true));
  const onGone = () => finish({ reason: 'too-complex' }, false);
  worker.on('message', onMessage);
  worker.once('error', onGone);
  worker.once('exit', onGone);
  if (warm) start();
});
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

let process_: ChildProcess | undefined;
let nextId = 0;
const pending = new Map<number, (result: PdfCheck) => void>();

/** The checker process, started on first use; it does not keep the server (or a test run) alive while idle. */
function checkerProcess(): ChildProcess {
  if (process_?.connected) return process_;
  const child = spawn(process.execPath, ['-e', checker], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
  child.on('message', (message: { id: number; result: PdfCheck }) => pending.get(message.id)?.(message.result));
  // A crash (or a kill) ends every parse it had: each is refused as too complex, and the next check starts a new one.
  child.once('exit', () => {
    if (process_ === child) process_ = undefined;
    for (const done of [...pending.values()]) done({ reason: 'too-complex' });
  });
  child.unref();
  child.channel?.unref();
  process_ = child;
  return child;
}

/** Process id of the checker while it runs (benchmarks measure its memory apart from the server's). */
export function pdfCheckerPid(): number | undefined {
  return process_?.pid;
}

/** Page count of a PDF (a path or its bytes), or why it is refused; throws InspectionBusyError when overloaded. */
export async function checkPdfInWorker(input: string | Uint8Array): Promise<PdfCheck> {
  await acquire();
  try {
    const child = checkerProcess();
    const id = nextId++;
    return await new Promise<PdfCheck>((resolve) => {
      // Long beyond the worker's own limit (which starts once pdf-lib is loaded) the checker itself is stuck: it is ended.
      const backstop = setTimeout(() => child.kill('SIGKILL'), pdfInspection.timeoutMs + 60_000);
      pending.set(id, (result) => {
        clearTimeout(backstop);
        pending.delete(id);
        if (pending.size === 0) child.channel?.unref();
        resolve(result);
      });
      child.channel?.ref();
      const job = { id, pdfLib, timeoutMs: pdfInspection.timeoutMs, memoryMb: pdfInspection.memoryMb };
      child.send(typeof input === 'string' ? { ...job, path: input } : { ...job, bytes: input }, (error) => {
        if (error) pending.get(id)?.({ reason: 'too-complex' });
      });
    });
  } finally {
    release();
  }
}
