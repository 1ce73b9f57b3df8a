// Where the plaintext of an upload lies while it is checked (ADR 0384): a PDF only in memory (its first and last
// bytes) and, encrypted, in the staged copy; a photo also as a temporary file, because the image checks read a file.
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { file, freeFields, multipart, type Part } from './test/multipart.js';

/** Polls until `ready` holds, at most 20 s (a loaded machine), and returns whether it did. */
async function eventually(ready: () => Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 20_000; waited += 25) {
    if (await ready()) return true;
    await sleep(25);
  }
  return false;
}

describe('the plaintext of an upload while it is checked', () => {
  let ctx: TestContext;
  beforeAll(async () => (ctx = await createTestContext()));
  afterAll(() => ctx?.close());

  /** Sends all but the last kilobyte, calls `meanwhile`, then the rest; answers the response. */
  async function postHolding(parts: Part[], meanwhile: () => Promise<void>) {
    const { payload, headers } = multipart(parts);
    const body = new PassThrough();
    const answer = ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', headers, payload: body });
    body.write(payload.subarray(0, payload.length - 1024));
    try {
      await meanwhile();
    } finally {
      body.end(payload.subarray(payload.length - 1024));
    }
    return answer;
  }

  const stagedBytes = async () => {
    const store = ctx.deps.fileStore;
    const [entry] = await store.listStaged();
    const path = entry && store.stagedOnDisk(entry.tenantId, entry.fileId);
    return path ? (await stat(path).catch(() => undefined))?.size ?? 0 : 0;
  };

  it('never writes a PDF in plaintext: it is checked from its encrypted copy', async () => {
    const document = await PDFDocument.create();
    document.addPage([595, 842]);
    await document.attach(randomBytes(3 * 1024 * 1024), 'anlage.bin', { mimeType: 'application/octet-stream' });
    const pdf = Buffer.from(await document.save());
    const res = await postHolding([...freeFields(), file('kontoauszug.pdf', pdf)], async () => {
      // Two megabytes have passed every step of the intake, the last one (the plaintext) included.
      expect(await eventually(async () => (await stagedBytes()) > 2 * 1024 * 1024)).toBe(true);
      expect(await ctx.deps.fileStore.listIncoming()).toEqual([]);
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ files: { size: number }[] }>().files).toEqual([expect.objectContaining({ name: 'kontoauszug.pdf', size: pdf.length })]);
  });

  it('writes a photo as a temporary file for the image checks, and removes it with the request', async () => {
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(photo.length).toBeGreaterThan(1024 * 1024);
    const res = await postHolding([...freeFields(), file('seite1.jpg', photo)], async () => {
      expect(await eventually(async () => (await ctx.deps.fileStore.listIncoming()).length === 1)).toBe(true);
    });
    expect(res.statusCode, res.body).toBe(201);
    // Removed once the answer is sent.
    expect(await eventually(async () => (await ctx.deps.fileStore.listIncoming()).length === 0)).toBe(true);
  });
});
