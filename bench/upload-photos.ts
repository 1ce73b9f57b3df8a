// The phone-photo part of `npm run bench:upload`: 20 photos of 4000×3000 as a phone writes them (smooth shades with
// sensor noise, JPEG quality 85, about 2.4 MB each). The server answers with the receipt; a separate worker process
// (`npm run worker`, on a scratch PostgreSQL database shared with the server) joins them into one PDF. Measured:
// the answer's time and the server's memory, the time until the PDF is written and the worker's memory, each peak
// and 5 s after, and the peak of the short-lived process the worker converts each PDF in.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { loadSharp } from '#shared/libraries.js';
import type { ClamdFixture } from '#shared/files/test/clamd-fixture.js';
import { startServerProcess, stopServerProcess } from '#shared/testing/scratch.js';
import { pause, rssGrowth, rssMb } from './rss.js';
import { benchDatabase, ensureBuilt } from './support.js';

const width = 4000;
const height = 3000;

/**
 * `count` photos: a smooth random shade (lit paper) plus gaussian noise (the sensor), JPEG quality 85, each in
 * another hue (one noisy bitmap is made, it is the slow part).
 */
async function phonePhotos(dir: string, count: number): Promise<string[]> {
  const sharp = await loadSharp();
  const pixels = await sharp(randomBytes(16 * 12 * 3), { raw: { width: 16, height: 12, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const noise = await sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 10 } } })
    .raw()
    .toBuffer();
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, pixels[i]! + noise[i]! - 128));
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `foto-${i + 1}.jpg`);
    await sharp(pixels, { raw: { width, height, channels: 3 } }).modulate({ hue: i * 17 }).jpeg({ quality: 85 }).toFile(path);
    paths.push(path);
  }
  return paths;
}

interface Sent {
  id: string;
  receiptToken: string;
}

async function send(url: string, photos: { blob: Blob; name: string }[]): Promise<Sent> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ bgNummer: '12345BG0012345', lastName: 'Bench', birthDate: '1980-01-31', documentType: 'sonstiges' })) form.append(k, v);
  for (const photo of photos) form.append('file', photo.blob, photo.name);
  const response = await fetch(`${url}/api/v1/t/neue-wege/uploads`, { method: 'POST', body: form });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Sent;
}

/** Waits until the receipt lists the PDF as written (no document `converting` any more). */
async function converted(url: string, sent: Sent, timeoutMs = 900_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const response = await fetch(`${url}/api/v1/t/neue-wege/uploads/${sent.id}/receipt`, { headers: { authorization: `Bearer ${sent.receiptToken}` } });
    const receipt = (await response.json()) as { documents: { converting?: boolean }[] };
    if (!receipt.documents.some((d) => d.converting)) return;
    await pause(250);
  }
  throw new Error('the photos were not joined into a PDF in time');
}

export async function benchPhotos(dir: string, clamd: ClamdFixture | undefined, print: (...lines: string[]) => void, loadAverage: () => Promise<string>): Promise<void> {
  ensureBuilt();
  const paths = await phonePhotos(dir, 20);
  const photos = await Promise.all(paths.map(async (path, i) => ({ blob: await openAsBlob(path, { type: 'image/jpeg' }), name: `foto-${i + 1}.jpg` })));
  const photoMb = photos.reduce((sum, p) => sum + p.blob.size, 0) / 1024 / 1024;

  print(`${photos.length} phone photos 4000×3000 (${photoMb.toFixed(1)} MB, JPEG q85), PostgreSQL, server + worker process:`);
  const database = await benchDatabase('postgres');
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    RATE_LIMITS: 'off',
    DATA_DIR: join(dir, 'photo-data'),
    WORKER: 'off',
    LOG_LEVEL: 'silent',
    UPLOAD_MAX_FILE_MB: '100',
    UPLOAD_MAX_TOTAL_MB: '100',
    DATABASE_URL: database.url!,
    ...(clamd ? { CLAMD_HOST: clamd.host, CLAMD_PORT: String(clamd.port) } : {}),
  };
  const server = await startServerProcess({ entry: 'build', cwd: process.cwd(), timeoutMs: 600_000, env });
  // As doc/operations.md recommends for the process that converts photos: two malloc arenas instead of one per thread
  // that ever ran libvips (BENCH_MALLOC_ARENA_MAX= unset measures glibc's default).
  const arenas = process.env.BENCH_MALLOC_ARENA_MAX ?? '2';
  const worker = spawn(process.execPath, ['build/worker.js'], { cwd: process.cwd(), env: { ...process.env, ...env, ...(arenas ? { MALLOC_ARENA_MAX: arenas } : {}) }, stdio: 'ignore' });
  print(`  worker with MALLOC_ARENA_MAX=${arenas || '(glibc default)'}`);
  const workerExited = new Promise((resolve) => worker.once('exit', resolve));
  try {
    // The worker converts each PDF in a child process that exits afterwards (ADR 0345): measured from the idle
    // worker, its growth should stay near 0 and the child's peak is reported apart.
    await pause(5_000);
    const idle = await rssMb(worker.pid!);
    await converted(server.baseUrl, await send(server.baseUrl, photos.slice(0, 1)));
    print(`  worker: ${idle.toFixed(0)} MB idle, ${(await rssMb(worker.pid!)).toFixed(0)} MB after a first photo`);
    let answerSeconds = 0;
    let sent: Sent | undefined;
    const answer = await rssGrowth(server.child.pid!, async () => {
      const started = performance.now();
      sent = await send(server.baseUrl, photos);
      answerSeconds = (performance.now() - started) / 1000;
    });
    let convertSeconds = 0;
    const conversion = await rssGrowth(worker.pid!, async () => {
      const started = performance.now();
      await converted(server.baseUrl, sent!);
      convertSeconds = (performance.now() - started) / 1000;
    }, 'VmHWM');
    print(
      `  receipt answered after ${answerSeconds.toFixed(1)} s; server RSS growth ${answer.server.toFixed(0)} MB (goal < 100 MB), ${answer.after.toFixed(0)} MB 5 s later`,
      `  one PDF written ${convertSeconds.toFixed(1)} s later; worker RSS growth ${conversion.server.toFixed(0)} MB (goal < 100 MB), ${conversion.after.toFixed(0)} MB 5 s later; ` +
        `the conversion process peaked at ${conversion.children.toFixed(0)} MB and has exited`,
    );
    let three: Sent[] = [];
    const threeAnswer = await rssGrowth(server.child.pid!, async () => {
      three = await Promise.all([1, 2, 3].map(() => send(server.baseUrl, photos)));
    });
    const threeConversion = await rssGrowth(worker.pid!, () => Promise.all(three.map((s) => converted(server.baseUrl, s))), 'VmHWM');
    print(
      `  three such uploads at once: server RSS growth ${threeAnswer.server.toFixed(0)} MB (${threeAnswer.after.toFixed(0)} MB 5 s later); ` +
        `worker ${threeConversion.server.toFixed(0)} MB (${threeConversion.after.toFixed(0)} MB 5 s later), conversion processes (one at a time) peaked at ${threeConversion.children.toFixed(0)} MB; load average ${await loadAverage()}`,
      `  worker after all conversions: ${(await rssMb(worker.pid!)).toFixed(0)} MB (${idle.toFixed(0)} MB idle)`,
    );
  } finally {
    worker.kill('SIGTERM');
    await workerExited;
    await stopServerProcess(server);
    await database.drop();
  }
}
