// Photos to one PDF in a child process of its own, one per PDF (doc/adr/0345-photo-conversion-in-a-child-process.md).
// Decoding 20 photos of 4000×3000 left the job process 40–145 MB larger for good: libvips and glibc keep what they
// once allocated, and Node cannot ask glibc to give it back (malloc_trim). A process that exits gives back all of it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ImageConversionError } from './images-to-pdf.js';

export interface PhotoPdfJob {
  /** The photos as files on disk, in page order; each is checked by content again before it is converted. */
  photos: { path: string; name: string }[];
  /** Largest photo accepted (the upload's limit per file). */
  maxBytes: number;
  /** Path the PDF is written to. */
  output: string;
  title: string;
  /** ISO time, the PDF's creation date. */
  createdAt: string;
}

export type PhotoPdfAnswer = { ok: true; pages: number } | { ok: false; reason: ImageConversionError['reason']; index: number } | { ok: false; message: string };

/** Beyond this the child is killed and the run counts as broken off; well inside the conversion job's lease. */
export const photoPdfTimeoutMs = 5 * 60_000;

// Under tsx and vitest this module is a .ts file and so is the child; the built server runs both as .js.
const fromSources = import.meta.url.endsWith('.ts');
const child = fileURLToPath(new URL(`./photo-pdf-child.${fromSources ? 'ts' : 'js'}`, import.meta.url));
const execArgv = fromSources ? ['--import', import.meta.resolve('tsx')] : [];

/**
 * Checks the photos and writes their PDF to `output` in a child process, and waits until it has exited; neither
 * sharp nor libvips is loaded into the calling process.
 * A photo that cannot be converted rejects with {@link ImageConversionError}, as in the process itself; a child
 * that dies or takes longer than `timeoutMs` rejects with a plain Error (the conversion job tries again later).
 */
export async function writeImagesPdfInChild(job: PhotoPdfJob, timeoutMs = photoPdfTimeoutMs): Promise<{ pages: number }> {
  const converter = spawn(process.execPath, [...execArgv, child], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: process.env });
  let stderr = '';
  converter.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2_000)));
  let answer: PhotoPdfAnswer | undefined;
  converter.once('message', (message: PhotoPdfAnswer) => (answer = message));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    converter.kill('SIGKILL');
  }, timeoutMs);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    converter.once('error', reject);
    // 'close' comes after the exit and after the last message and output.
    converter.once('close', (code, signal) => resolve({ code, signal }));
  });
  converter.send(job);
  try {
    const { code, signal } = await exited;
    if (answer?.ok) return { pages: answer.pages };
    if (answer && 'reason' in answer) throw new ImageConversionError(answer.reason, answer.index);
    const why = answer && 'message' in answer ? answer.message : timedOut ? `took longer than ${timeoutMs} ms` : `exited with ${signal ?? `code ${code}`}${stderr ? `: ${stderr.trim()}` : ''}`;
    throw new Error(`photo conversion process ${why}`);
  } finally {
    clearTimeout(timer);
  }
}
