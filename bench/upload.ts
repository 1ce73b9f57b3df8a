// npm run bench:upload — throughput of 10 MB uploads with 8 parallel clients against a plain file
// copy of the same bytes in the same run, and the server's memory while one 100 MB file is uploaded.
// The server is the real one (build/server.js, as `npm start` runs it) in a child process, on PGlite, with clamd when installed.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { findClamd, startClamd, type ClamdFixture } from '#shared/files/test/clamd-fixture.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from '#shared/testing/scratch.js';
import { ensureBuilt } from './support.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const clients = 8;
const uploads = 32;
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

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Peak RSS growth of the server process (sampled every 5 ms from /proc) while `task` runs. */
async function rssGrowth(pid: number, task: () => Promise<unknown>): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const before = await rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => void rssMb(pid).then((rss) => (peak = Math.max(peak, rss)), () => undefined), 5);
  await task();
  clearInterval(sampler);
  return peak - before;
}

async function startServer(dataDir: string, clamd: ClamdFixture | undefined): Promise<ServerProcess> {
  ensureBuilt();
  return startServerProcess({
    entry: 'build',
    cwd: root,
    timeoutMs: 120_000,
    env: {
      NODE_ENV: 'test',
      // Throughput, not the per-address limit (20 uploads in 10 minutes), is measured here.
      RATE_LIMITS: 'off',
      DATA_DIR: dataDir,
      WORKER: 'off',
      LOG_LEVEL: 'silent',
      UPLOAD_MAX_FILE_MB: '100',
      UPLOAD_MAX_TOTAL_MB: '100',
      ...(clamd ? { CLAMD_HOST: clamd.host, CLAMD_PORT: String(clamd.port) } : {}),
    },
  });
}

async function upload(url: string, file: Blob, name: string): Promise<void> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ bgNummer: '12345BG0012345', lastName: 'Bench', birthDate: '1980-01-31', documentType: 'sonstiges' })) form.append(k, v);
  form.append('file', file, name);
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

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'wegweiser-bench-upload-'));
  const clamd = findClamd() && process.env.BENCH_CLAMD !== 'off' ? await startClamd() : undefined;
  const server = await startServer(join(dir, 'data'), clamd);
  const { child, baseUrl: url } = server;
  try {
    const tenMb = join(dir, '10mb.pdf');
    await writeFile(tenMb, pdfOfSize(10 * mb));
    const blob = await openAsBlob(tenMb, { type: 'application/pdf' });
    await upload(url, blob, 'warmup.pdf');

    const copySeconds = await inParallel(uploads, (i) =>
      pipeline(createReadStream(tenMb), createWriteStream(join(dir, `copy-${i}.pdf`), { flush: true })),
    );
    const uploadSeconds = await inParallel(uploads, () => upload(url, blob, 'kontoauszug.pdf'));
    const total = (uploads * blob.size) / mb;
    const copyRate = total / copySeconds;
    const uploadRate = total / uploadSeconds;

    const hundredMb = join(dir, '100mb.pdf');
    // Just under the 100 MB limit, PDF structure included.
    await writeFile(hundredMb, pdfOfSize(100 * mb - 4096));
    const hundred = await openAsBlob(hundredMb, { type: 'application/pdf' });
    const blob100 = () => hundred;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const growth = await rssGrowth(child.pid!, () => upload(url, blob100(), 'gross.pdf'));
    // The same bytes, refused by content after streaming (no PDF is loaded): intake, hashing and temp file only.
    const streamed = await rssGrowth(child.pid!, () => upload(url, blob100(), 'gross.png').catch(() => undefined));

    const lines = [
      `bench:upload — ${uploads} uploads of ${(blob.size / mb).toFixed(1)} MB, ${clients} parallel clients, PGlite, ${clamd ? 'clamd scan' : 'no virus scanner'}`,
      `  plain file copy (stream + fsync) : ${copyRate.toFixed(1)} MB/s`,
      `  createUpload over HTTP           : ${uploadRate.toFixed(1)} MB/s  (${(uploads / uploadSeconds).toFixed(1)} uploads/s)`,
      `  ratio upload / copy              : ${(uploadRate / copyRate).toFixed(3)}`,
      `one 100 MB PDF upload: server RSS growth ${growth.toFixed(0)} MB; ratio to the 50 MB goal ${(growth / 50).toFixed(2)}, to the file size ${(growth / 100).toFixed(2)}`,
      `  of which streaming alone (same bytes refused by content): ${streamed.toFixed(0)} MB; ratio to the goal ${(streamed / 50).toFixed(2)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await stopServerProcess(server);
    await clamd?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
