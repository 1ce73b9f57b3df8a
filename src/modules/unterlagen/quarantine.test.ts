// clamd down: uploads are accepted into quarantine (never lost, never shown as clean); when clamd is
// back, the scan job decides — clean, or infected with staff alerted and the citizen told.
import { pdfText } from '#shared/testing/pdf-text.js';
import { createServer, createConnection, type Server } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { findClamd, startClamd, type ClamdFixture } from '#shared/files/test/clamd-fixture.js';
import { handmadePdf, pdfWithPages } from './files/test/fixtures.js';
import { scanQuarantined } from './maintenance.js';
import { file, freeFields, multipart } from './test/multipart.js';
import { markAsInfected } from './test/signatures.js';
import { uploadFiles, uploads } from './unterlagen.tables.js';

/** A port for clamd's configured address: refuses connections until `up`, then forwards to the real clamd. */
async function clamdAddress(): Promise<{ port: number; up(target: ClamdFixture): void; close(): Promise<void> }> {
  let target: ClamdFixture | undefined;
  const server: Server = createServer((socket) => {
    if (!target) return socket.destroy();
    const upstream = createConnection({ host: target.host, port: target.port });
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    up: (fixture) => (target = fixture),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!findClamd())('virus scanner unavailable', () => {
  let ctx: TestContext;
  let clamd: ClamdFixture | undefined;
  let address: Awaited<ReturnType<typeof clamdAddress>>;

  beforeAll(async () => {
    address = await clamdAddress();
    ctx = await createTestContext({ env: { CLAMD_HOST: '127.0.0.1', CLAMD_PORT: String(address.port) } });
  });
  afterAll(async () => {
    await ctx?.close();
    await clamd?.stop();
    await address?.close();
  });

  it('keeps uploads in quarantine, says so on the receipt, and the job scans them when clamd is back', async () => {
    const infectedPdf = handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Comment (late) >>']);
    const send = (name: string, bytes: Buffer, email?: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...freeFields(email ? { email } : {}), file(name, bytes)]) });

    const clean = await send('kontoauszug.pdf', await pdfWithPages(1));
    const bad = await send('rechnung.pdf', infectedPdf, 'person@example.org');
    for (const res of [clean, bad]) {
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ status: string }>().status).toBe('quarantined');
    }
    const cleanReceipt = clean.json<{ id: string; receiptToken: string }>();
    const page = await ctx.app.inject(`/t/neue-wege/unterlagen/quittung/${cleanReceipt.receiptToken}`);
    expect(page.body).toContain('Ihre Unterlagen sind eingegangen und werden noch auf Schadsoftware geprüft.');
    // The scan state of each stored document is in the receipt PDF, not as a badge on the citizen's page.
    const pdf = await ctx.app.inject(`/t/neue-wege/unterlagen/quittung/${cleanReceipt.receiptToken}/pdf`);
    expect(pdfText(pdf.rawPayload)).toContain('Wird geprüft');
    expect(pdf.headers['cache-control']).toBe('no-store');

    // Still down: the job changes nothing.
    expect(await scanQuarantined(ctx.deps)).toEqual({ clean: 0, infected: 0, pending: 1 });

    clamd = await startClamd();
    await markAsInfected(clamd, infectedPdf, 'Wegweiser.Test.Late');
    address.up(clamd);
    expect(await scanQuarantined(ctx.deps)).toEqual({ clean: 1, infected: 1, pending: 0 });

    const receipt = await ctx.app.inject({ url: `/api/v1/t/neue-wege/uploads/${cleanReceipt.id}/receipt`, headers: { authorization: `Bearer ${cleanReceipt.receiptToken}` } });
    expect(receipt.json()).toMatchObject({ status: 'received', scanStatus: 'clean' });

    const badId = bad.json<{ id: string }>().id;
    const [upload] = await ctx.database.db.select().from(uploads).where(eq(uploads.id, badId));
    expect(upload).toMatchObject({ scanStatus: 'infected' });
    expect(upload!.deleteAfter).not.toBeNull();
    const [row] = await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.uploadId, badId));
    expect(row).toMatchObject({ scanStatus: 'infected', scanSignature: 'Wegweiser.Test.Late.UNOFFICIAL' });
    const mails = await ctx.database.db.select().from(outboxMessages);
    expect(mails.filter((m) => m.kind === 'unterlagen.infected-alert').map((m) => m.to)).toEqual(['info@neue-wege.org']);
    expect(mails.filter((m) => m.kind === 'unterlagen.infected-notice').map((m) => m.to)).toEqual(['person@example.org']);
    const badPage = await ctx.app.inject(`/t/neue-wege/unterlagen/quittung/${bad.json<{ receiptToken: string }>().receiptToken}`);
    expect(badPage.body).toContain('In Ihren Unterlagen wurde Schadsoftware gefunden.');

    // Nothing left to do.
    expect(await scanQuarantined(ctx.deps)).toEqual({ clean: 0, infected: 0, pending: 0 });
  });
});
