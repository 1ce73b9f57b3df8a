// npm run bench:upload — throughput of 10 MB uploads with 8 parallel clients against the physical limit measured
// in the same run on the same bytes: a plain file copy, clamd INSTREAM with 8 parallel streams, and both at once
// (copy + scan, what an upload cannot be faster than). Every phase also prints the CPU each process spent per 10 MB:
// on this 2-core machine the load generator, the server, its PDF checker and clamd share the cores, so the ratio is
// decided by CPU. The load generator is a small process of its own that sends a prepared multipart body from memory,
// as browsers on other machines would (ADR 0380, ADR 0409); the same uploads sent with fetch + FormData from this
// process are printed beside it. The server is measured warm, as one that has served for a while. Then the server's
// memory while one 100 MB PDF is uploaded (and the PDF checker process's apart), and 20 phone photos (4000×3000
// JPEGs) answered and joined into one PDF by the worker process (upload-photos.ts).
// The server is the real one (build/server.js, as `npm start` runs it) in a child process, on PGlite, with clamd when installed.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { createClamdClient } from '#shared/files/clamd.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { findClamd, startClamd, type ClamdFixture } from '#shared/files/test/clamd-fixture.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from '#shared/testing/scratch.js';
import { benchPhotos } from './upload-photos.js';
import { pause, rssGrowth } from './rss.js';
import { childPids, processMeter, type CpuUse, type Processes } from './cpu.js';
import { benchDatabase, ensureBuilt } from './support.js';
import type { ClientJob } from './upload-client.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const clients = 8;
const uploads = 64;
/** Small uploads before the measurement, so the code that runs once per request is compiled as in a server that has been up for a while. */
const warmRequests = 400;
const mb = 1024 * 1024;

/** A valid PDF of about `size` bytes: one page and an unreferenced stream of random bytes. */
function pdfOfSize(size: number): Buffer {
  const head = '%PDF-1.7\n%\xE2\xE3\xCF\xD3\n';
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  const parts: Buffer[] = [Buffer.from(head, 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  const add = (buffer: Buffer) => {
    parts.push(buffer);
    at += buffer.length;
  };
  for (const [i, body] of objects.entries()) {
    offsets.push(at);
    add(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
  }
  const payload = randomBytes(size);
  offsets.push(at);
  add(Buffer.from(`4 0 obj\n<< /Length ${payload.length} >>\nstream\n`, 'latin1'));
  add(payload);
  add(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = at;
  const lines = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  add(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${lines}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** BENCH_DATABASE_URL=postgres://…: the server runs on a scratch PostgreSQL database instead of PGlite. */
async function startServer(dataDir: string, clamd: ClamdFixture | undefined, databaseUrl?: string): Promise<ServerProcess> {
  ensureBuilt();
  return startServerProcess({
    entry: 'build',
    cwd: root,
    nodeArgs: ['--import', fileURLToPath(new URL('gc-count.mjs', import.meta.url))],
    timeoutMs: 600_000,
    env: {
      NODE_ENV: 'test',
      // Throughput, not the per-address limit (20 uploads in 10 minutes), is measured here.
      RATE_LIMITS: 'off',
      DATA_DIR: dataDir,
      WORKER: 'off',
      LOG_LEVEL: 'silent',
      UPLOAD_MAX_FILE_MB: '100',
      UPLOAD_MAX_TOTAL_MB: '100',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...(clamd ? { CLAMD_HOST: clamd.host, CLAMD_PORT: String(clamd.port) } : {}),
    },
  });
}

const fields = { bgNummer: '12345BG0012345', lastName: 'Bench', birthDate: '1980-01-31', documentType: 'sonstiges' };

/** The multipart body of an upload of `pdfPath`, written to `bodyPath` once: the load generator then only streams a file. */
async function prepareBody(pdfPath: string, bodyPath: string): Promise<{ path: string; boundary: string; length: number }> {
  const boundary = `----wegweiser-bench-${randomBytes(8).toString('hex')}`;
  const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kontoauszug.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), await readFile(pdfPath), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  await writeFile(bodyPath, body);
  return { path: bodyPath, boundary, length: body.length };
}

/** Every file this bench reads, it reads in megabyte pieces: half the CPU of 64 KB reads (ADR 0380). */
const readSize = 1024 * 1024;
const readFileStream = (path: string) => createReadStream(path, { highWaterMark: readSize });

/** The load generator process (upload-client.ts). */
function startClient(): ChildProcess {
  return fork(fileURLToPath(new URL('upload-client.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
}

/** `count` uploads of the prepared body by the load generator, `clients` at a time; the seconds they took. */
function postBodies(client: ChildProcess, url: string, body: { path: string; boundary: string }, count: number): Promise<number> {
  const job: ClientJob = { url: `${url}/api/v1/t/neue-wege/uploads`, bodyPath: body.path, boundary: body.boundary, count, clients };
  return new Promise((resolve, reject) => {
    client.once('message', (answer: { seconds?: number; error?: string }) => (answer.error ? reject(new Error(answer.error)) : resolve(answer.seconds!)));
    client.send(job);
  });
}

type GcCount = { full: number; young: number; pauseMs: number };

/** The server's garbage collections so far (gc-count.mjs). */
function gcCount(server: ChildProcess): Promise<GcCount> {
  return new Promise((resolve) => {
    const answer = (message: { gcCount?: GcCount }) => {
      if (!message.gcCount) return;
      server.off('message', answer);
      resolve(message.gcCount);
    };
    server.on('message', answer);
    server.send('gc-count');
  });
}

/** CPU milliseconds per 10 MB of each process group, and in all. */
function cpuPer10Mb(use: CpuUse, megabytes: number): string {
  const ms = Object.entries(use.cores).map(([name, cores]) => [name, (cores * use.wallSeconds * 1000 * 10) / megabytes] as const);
  const all = ms.reduce((sum, [, v]) => sum + v, 0);
  return `      CPU per 10 MB: ${ms.map(([name, v]) => `${name} ${v.toFixed(0)} ms`).join(', ')}; in all ${all.toFixed(0)} ms (${Object.values(use.cores).reduce((a, b) => a + b, 0).toFixed(2)} cores busy${use.machine - Object.values(use.cores).reduce((a, b) => a + b, 0) > 0.3 ? '; NOT clean: other work on the machine' : ''})`;
}

async function upload(url: string, file: Blob | { blob: Blob; name: string }[], name = ''): Promise<void> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of Array.isArray(file) ? file : [{ blob: file, name }]) form.append('file', f.blob, f.name);
  const response = await fetch(`${url}/api/v1/t/neue-wege/uploads`, { method: 'POST', body: form });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
}

async function inParallel(count: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const print = (...lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);
const loadAverage = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'wegweiser-bench-upload-'));
  // BENCH_UPLOAD=photos: only the phone photos (upload-photos.ts); BENCH_UPLOAD=throughput: only the 10 MB uploads and their limit.
  if (process.env.BENCH_UPLOAD === 'photos') {
    const clamd = findClamd() && process.env.BENCH_CLAMD !== 'off' ? await startClamd() : undefined;
    try {
      await benchPhotos(dir, clamd, print, loadAverage);
    } finally {
      await clamd?.stop();
      await rm(dir, { recursive: true, force: true });
    }
    return;
  }
  const clamd = findClamd() && process.env.BENCH_CLAMD !== 'off' ? await startClamd() : undefined;
  const database = await benchDatabase(process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite');
  const server = await startServer(join(dir, 'data'), clamd, database.url);
  const { child, baseUrl: url } = server;
  const client = startClient();
  try {
    const tenMb = join(dir, '10mb.pdf');
    await writeFile(tenMb, pdfOfSize(10 * mb));
    const blob = await openAsBlob(tenMb, { type: 'application/pdf' });
    await upload(url, blob, 'warmup.pdf');

    const body = await prepareBody(tenMb, join(dir, 'body.bin'));
    const small = join(dir, 'small.pdf');
    await writeFile(small, pdfOfSize(10 * 1024));
    // Warm-up: the code that runs once per request is compiled (warmRequests), then a phase as long as a measured one
    // brings the young generation (it grows with the load) and the PDF checker's threads to their steady state.
    await postBodies(client, url, await prepareBody(small, join(dir, 'small.bin')), warmRequests);
    await postBodies(client, url, body, uploads);
    const total = (uploads * blob.size) / mb;
    const bench: Processes = { bench: () => [process.pid], ...(clamd ? { clamd: () => [clamd.pid] } : {}) };
    const measured = async (processes: Processes, run: () => Promise<number>) => {
      const meter = processMeter(processes);
      const seconds = await run();
      return { seconds, cpu: cpuPer10Mb(meter(), total) };
    };
    const copy = await measured(bench, () => inParallel(uploads, (i) =>
      pipeline(readFileStream(tenMb), createWriteStream(join(dir, `copy-${i}.pdf`), { flush: true })),
    ));
    const scanner = clamd ? createClamdClient({ host: clamd.host, port: clamd.port }) : undefined;
    const scan = async (source: NodeJS.ReadableStream) => {
      const result = await scanner!.scanStream(source as PassThrough);
      if (result.status !== 'clean') throw new Error(`clamd: ${JSON.stringify(result)}`);
    };
    const scanned = scanner ? await measured(bench, () => inParallel(uploads, () => scan(readFileStream(tenMb)))) : undefined;
    // One read of the file feeding the copy and the scanner, as an upload that streams to both does.
    const copyScan = scanner
      ? await measured(bench, () => inParallel(uploads, async (i) => {
          const source = readFileStream(tenMb);
          const toScanner = source.pipe(new PassThrough());
          const toDisk = source.pipe(new PassThrough());
          await Promise.all([scan(toScanner), pipeline(toDisk, createWriteStream(join(dir, `copy-scan-${i}.pdf`), { flush: true }))]);
        }))
      : undefined;
    const serverSide: Processes = {
      server: () => [child.pid!],
      'PDF checker': () => childPids(child.pid!),
      ...(clamd ? { clamd: () => [clamd.pid] } : {}),
      'load generator': () => [client.pid!],
    };
    const gcBefore = await gcCount(child);
    const uploaded = await measured(serverSide, () => postBodies(client, url, body, uploads));
    const gcAfter = await gcCount(child);
    const viaFetch = await measured({ ...serverSide, 'load generator': () => [process.pid] }, () => inParallel(uploads, () => upload(url, blob, 'kontoauszug.pdf')));
    const rate = (seconds: number) => total / seconds;
    const limitRate = rate(copyScan?.seconds ?? copy.seconds);
    print(
      `bench:upload — ${uploads} uploads of ${(blob.size / mb).toFixed(1)} MB, ${clients} parallel clients, ${database.url ? 'PostgreSQL' : 'PGlite'}, ${clamd ? 'clamd scan' : 'no virus scanner'}; load average ${await loadAverage()}`,
      `  plain file copy (stream + fsync)     : ${rate(copy.seconds).toFixed(1)} MB/s`,
      copy.cpu,
      ...(scanned ? [`  clamd INSTREAM, ${clients} streams       : ${rate(scanned.seconds).toFixed(1)} MB/s`, scanned.cpu] : []),
      ...(copyScan ? [`  copy + scan (one read feeds both)    : ${limitRate.toFixed(1)} MB/s   <- the limit`, copyScan.cpu] : []),
      `  createUpload over HTTP               : ${rate(uploaded.seconds).toFixed(1)} MB/s  (${(uploads / uploaded.seconds).toFixed(1)} uploads/s)`,
      uploaded.cpu,
      `      server garbage collections: ${gcAfter.full - gcBefore.full} full, ${gcAfter.young - gcBefore.young} young, ${(gcAfter.pauseMs - gcBefore.pauseMs).toFixed(0)} ms paused`,
      `  ratio upload / ${copyScan ? 'copy + scan' : 'copy'}           : ${(rate(uploaded.seconds) / limitRate).toFixed(3)}${copyScan ? ' (goal ≥ 0.70)' : ''};  upload / copy ${(rate(uploaded.seconds) / rate(copy.seconds)).toFixed(3)}`,
      `  the same uploads sent with fetch + FormData: ${rate(viaFetch.seconds).toFixed(1)} MB/s, ratio ${(rate(viaFetch.seconds) / limitRate).toFixed(3)}`,
      viaFetch.cpu,
    );

    if (process.env.BENCH_UPLOAD === 'throughput') return;
    const hundredMb = join(dir, '100mb.pdf');
    // Just under the 100 MB limit, PDF structure included.
    await writeFile(hundredMb, pdfOfSize(100 * mb - 4096));
    const hundred = await openAsBlob(hundredMb, { type: 'application/pdf' });
    await pause(500);
    const big = await rssGrowth(child.pid!, () => upload(url, hundred, 'gross.pdf'));
    print(
      `one 100 MB PDF upload: server RSS growth ${big.server.toFixed(0)} MB (goal < 50 MB; ${big.after.toFixed(0)} MB 5 s later); ` +
        `the server's child processes (PDF checker) peaked ${big.children.toFixed(0)} MB above their idle size`,
    );
    // The same bytes, refused by content after streaming (no PDF is loaded): intake, hashing and temp file only.
    const streamed = await rssGrowth(child.pid!, () => upload(url, hundred, 'gross.png').catch(() => undefined));
    print(`  of which streaming alone (same bytes refused by content): ${streamed.server.toFixed(0)} MB`);

    await benchPhotos(dir, clamd, print, loadAverage);
  } finally {
    client.disconnect();
    await stopServerProcess(server);
    await clamd?.stop();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
