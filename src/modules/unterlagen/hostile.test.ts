// Hostile uploads must not stop the server: PDFs are parsed in a worker thread with time and memory limits after
// cheap structural checks, so /health/live keeps answering at once while they are inspected.
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { pdfWithManyObjects, pdfWithPages } from './files/test/fixtures.js';
import { pdfInspection } from './files/pdf-worker.js';
import { file, freeFields, multipart } from './test/multipart.js';

const execFileAsync = promisify(execFile);
let ctx: TestContext;
let base: string;
beforeAll(async () => {
  ctx = await createTestContext();
  // Real HTTP: the body arrives in chunks as from a browser, not as one 5 MB block.
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  // Loads the libraries of the upload path (file type detection, PDF worker) once, as a running server has.
  expect((await upload('warm.pdf', Buffer.from(await pdfWithPages(1)))).statusCode).toBe(201);
});
afterAll(async () => ctx?.close());

async function upload(name: string, bytes: Buffer) {
  const { payload, headers } = multipart([...freeFields(), file(name, bytes, 'application/pdf')]);
  const res = await fetch(`${base}/api/v1/t/neue-wege/uploads`, { method: 'POST', headers, body: new Uint8Array(payload) });
  return { statusCode: res.status, body: (await res.json()) as { errors: { code: string; message: string }[] } };
}

// The hostile clients run in a process of their own, so their work does not count against the server's answers.
const client = `
const { readFileSync } = require('node:fs');
const [url, ...files] = process.argv.slice(1);
Promise.all(files.map(async (path) => {
  const { headers, payload } = JSON.parse(readFileSync(path + '.json', 'utf8'));
  const res = await fetch(url, { method: 'POST', headers, body: readFileSync(path) });
  return { statusCode: res.status, body: await res.json() };
})).then((results) => process.stdout.write(JSON.stringify(results)));
`;

/** Sends the files as parallel uploads from a child process; resolves with the answers. */
async function parallelUploads(files: Buffer[]): Promise<{ statusCode: number; body: { errors: { code: string }[] } }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const paths = files.map((bytes, n) => {
    const { payload, headers } = multipart([...freeFields(), file(`angriff-${n}.pdf`, bytes, 'application/pdf')]);
    const path = join(dir, String(n));
    writeFileSync(path, payload);
    writeFileSync(`${path}.json`, JSON.stringify({ headers }));
    return path;
  });
  const { stdout } = await execFileAsync(process.execPath, ['-e', client, `${base}/api/v1/t/neue-wege/uploads`, ...paths], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as { statusCode: number; body: { errors: { code: string }[] } }[];
}

/**
 * The bar: 200 ms on top of the worst /health/live answer while 4 uploads of the same size that are refused at once
 * (no PDF header) are received, measured in the same run. Receiving 20 MB and a shared, busy machine cost time of
 * their own; what must not add more is inspecting the PDFs (on the main thread it added seconds per file).
 */
async function bar(): Promise<number> {
  const plain = parallelUploads([1, 2, 3, 4].map(() => randomBytes(5 * 1024 * 1024)));
  const { worst } = await liveLatencyDuring(plain);
  for (const res of await plain) expect(res.body.errors[0]!.code).toBe('type-not-allowed');
  return 200 + worst;
}

/** Longest answer time of /health/live, asked every 20 ms until `work` is done. */
async function liveLatencyDuring(work: Promise<unknown>): Promise<{ worst: number; samples: number }> {
  let done = false;
  void work.finally(() => (done = true));
  let worst = 0;
  let samples = 0;
  while (!done) {
    const started = performance.now();
    const res = await fetch(`${base}/health/live`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    worst = Math.max(worst, performance.now() - started);
    samples++;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { worst, samples };
}

describe('hostile PDF uploads', () => {
  it('4 parallel fake PDFs (%PDF-1.4 + 5 MB random bytes): refused as broken, /health/live under 200 ms meanwhile', async () => {
    const hostile = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(5 * 1024 * 1024)]);
    const uploads = parallelUploads([1, 2, 3, 4].map(() => hostile()));
    const { worst } = await liveLatencyDuring(uploads);
    for (const res of await uploads) {
      expect(res.statusCode).toBe(422);
      expect(res.body.errors[0]!.code).toBe('pdf-broken');
    }
    expect(worst).toBeLessThan(await bar());
  });

  it('the same with an end-of-file marker reaches the parser, in a worker: /health/live still under 200 ms', async () => {
    const hostile = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(5 * 1024 * 1024), Buffer.from('\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')]);
    const uploads = parallelUploads([1, 2, 3, 4].map(() => hostile()));
    const { worst, samples } = await liveLatencyDuring(uploads);
    for (const res of await uploads) {
      expect(res.statusCode).toBe(422);
      expect(['pdf-broken', 'too-complex']).toContain(res.body.errors[0]!.code);
    }
    expect(samples).toBeGreaterThan(1);
    expect(worst).toBeLessThan(await bar());
  }, 180_000);

  it('a PDF whose parse exceeds the time limit is refused with a clear message; a normal PDF passes', async () => {
    // Valid, but 40,000 objects take pdf-lib hundreds of milliseconds: far beyond a 50 ms limit on any machine, while
    // a normal PDF's parse (under a millisecond with a warm parser) was too close to a 1 ms limit to fail reliably.
    const slow = pdfWithManyObjects(40_000);
    const limit = pdfInspection.timeoutMs;
    pdfInspection.timeoutMs = 50;
    try {
      const res = await upload('bescheid.pdf', slow);
      expect(res.statusCode).toBe(422);
      expect(res.body.errors[0]!).toMatchObject({ code: 'too-complex', message: expect.stringContaining('zu aufwendig') });
    } finally {
      pdfInspection.timeoutMs = limit;
    }
    expect((await upload('bescheid.pdf', Buffer.from(await pdfWithPages(3)))).statusCode).toBe(201);
    // The same slow PDF passes within the real limit: it was refused for its time, nothing else.
    expect((await upload('bescheid.pdf', slow)).statusCode).toBe(201);
  });
});
