// Caseworker side through HTTP: permission, inbox with filters, audited views and downloads,
// accept/reject, and Mitwirkungsaufforderungen with letter; tenant isolation.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { auditLog } from '#shared/audit/index.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { createMitwirkungsaufforderung } from './aufforderung.service.js';
import { pdfWithPages } from './files/test/fixtures.js';
import { file, freeFields, multipart } from './test/multipart.js';
import { mitwirkungItems, uploadFiles, uploads } from './unterlagen.tables.js';

let ctx: TestContext;
let caseworker: LoggedIn;
const base = '/t/neue-wege/staff/unterlagen';

beforeAll(async () => {
  ctx = await createTestContext();
  caseworker = await loginAs(ctx, ['sachbearbeitung']);
});
afterAll(async () => ctx?.close());

const get = (url: string, who: LoggedIn = caseworker) => ctx.app.inject({ url, cookies: who.cookies });
const post = (url: string, payload: Record<string, string>, who: LoggedIn = caseworker) =>
  ctx.app.inject({ method: 'POST', url, cookies: who.cookies, payload: { _csrf: who.csrfToken, ...payload } });

async function citizenUpload(fields: Record<string, string> = {}, pdf?: Buffer): Promise<{ id: string; pdf: Buffer }> {
  const bytes = pdf ?? (await pdfWithPages(2));
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...freeFields(fields), file('Kontoauszug Oktober.pdf', bytes)]) });
  return { id: res.json<{ id: string }>().id, pdf: bytes };
}

async function audits(action: string, objectId?: string) {
  return ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), objectId ? eq(auditLog.objectId, objectId) : undefined, eq(auditLog.actorId, caseworker.userId)));
}

describe('caseworker side', () => {
  it('needs a login with the permission unterlagen.review', async () => {
    expect((await ctx.app.inject(base)).statusCode).toBe(303);
    const desk = await loginAs(ctx, ['servicepoint']);
    expect((await get(base, desk)).statusCode).toBe(403);
    expect((await get(base)).statusCode).toBe(200);
  });

  it('lists incoming documents with filters, highlights overdue items, and audits the view', async () => {
    const { id } = await citizenUpload({ documentType: 'mietvertrag' });
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    await createMitwirkungsaufforderung(tdb, { bgNummer: '54321BG7654321', items: [{ documentType: 'lohnabrechnung', description: 'Lohnabrechnung Oktober', dueDate: '2026-11-01' }], createdBy: caseworker.userId });
    const all = await get(base);
    expect(all.body).toContain(`href="${base}/${id}"`);
    expect(all.body).toContain('class="kern-table__row ww-overdue"');
    expect(all.body).toContain('Lohnabrechnung Oktober');
    const filtered = await get(`${base}?type=kontoauszuege`);
    expect(filtered.body).not.toContain(`href="${base}/${id}"`);
    expect((await get(`${base}?status=unsinn`)).statusCode).toBe(200);
    expect((await audits('unterlagen.inbox.view')).length).toBeGreaterThanOrEqual(3);
  });

  it('offers files as attachments only, audits views and downloads, and never hands out a file in quarantine', async () => {
    const { id, pdf } = await citizenUpload();
    const detail = await get(`${base}/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Nicht auf Schadsoftware geprüft');
    const [row] = await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.uploadId, id));
    const download = await get(`${base}/${id}/dateien/${row!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Kontoauszug Oktober.pdf"; filename*=UTF-8''Kontoauszug%20Oktober.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(await audits('unterlagen.view', id)).toHaveLength(1);
    expect(await audits('unterlagen.download', row!.id)).toHaveLength(1);

    for (const scanStatus of ['pending', 'infected'] as const) {
      await ctx.database.db.update(uploadFiles).set({ scanStatus }).where(eq(uploadFiles.id, row!.id));
      await ctx.database.db.update(uploads).set({ scanStatus }).where(eq(uploads.id, id));
      expect((await get(`${base}/${id}`)).body).not.toContain(`/dateien/${row!.id}`);
      expect((await get(`${base}/${id}/dateien/${row!.id}`)).statusCode).toBe(409);
    }
    expect(await audits('unterlagen.download', row!.id)).toHaveLength(1);
  });

  it('rejects with a reason the citizen sees on the request, accepts, and needs the CSRF token', async () => {
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    const request = await createMitwirkungsaufforderung(tdb, {
      bgNummer: '12345BG0012345',
      items: [{ documentType: 'kontoauszuege', description: 'Kontoauszüge Oktober', dueDate: '2026-12-10' }],
      createdBy: caseworker.userId,
    });
    const sent = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/t/neue-wege/uploads',
      ...multipart([{ name: 'requestCode', value: request.code }, { name: 'item', value: '1' }, file('auszug.pdf', await pdfWithPages(1))]),
    });
    const id = sent.json<{ id: string }>().id;

    const noToken = await ctx.app.inject({ method: 'POST', url: `${base}/${id}/pruefung`, cookies: caseworker.cookies, payload: { decision: 'accept' } });
    expect(noToken.statusCode).toBe(403);
    const noReason = await post(`${base}/${id}/pruefung`, { decision: 'reject', reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('href="#f-reason"');

    expect((await post(`${base}/${id}/pruefung`, { decision: 'reject', reason: 'wrong-period', note: 'Bitte Oktober, nicht September' })).statusCode).toBe(303);
    const citizen = await ctx.app.inject(`/t/neue-wege/unterlagen/a/${request.code}`);
    expect(citizen.body).toContain('Bitte senden Sie diese Unterlage noch einmal. Grund: falscher Zeitraum');
    expect(await audits('unterlagen.reject', id)).toHaveLength(1);

    expect((await post(`${base}/${id}/pruefung`, { decision: 'accept' })).statusCode).toBe(303);
    const [item] = await ctx.database.db.select().from(mitwirkungItems).where(eq(mitwirkungItems.aufforderungId, request.id));
    expect(item!.status).toBe('accepted');
    const [upload] = await ctx.database.db.select().from(uploads).where(eq(uploads.id, id));
    expect(upload).toMatchObject({ reviewStatus: 'accepted', reviewedBy: caseworker.userId });
    expect(upload!.deleteAfter!.toISOString()).toBe('2027-05-24T09:00:00.000Z');
  });

  it('creates a Mitwirkungsaufforderung from the form, shows the code once, makes the letter and e-mails the citizen', async () => {
    const { id: followUp } = await citizenUpload({ email: 'nachfrage@example.org' });
    const form = await get(`${base}/aufforderungen/neu?upload=${followUp}`);
    expect(form.body).toContain('value="nachfrage@example.org"');

    const invalid = await post(`${base}/aufforderungen`, { bgNummer: '12345BG0012345', 'items.1.description': 'ohne Frist' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('href="#f-items-1-documentType"');
    // A filled optional row needs all three fields, and every message names its row and field.
    const partial = await post(`${base}/aufforderungen`, { bgNummer: '12345BG0012345', 'items.0.documentType': 'lohnabrechnung', 'items.0.description': 'Lohn', 'items.0.dueDate': '2026-12-15', 'items.1.documentType': 'mietvertrag' });
    expect(partial.statusCode).toBe(422);
    expect(partial.body).toContain('Unterlage 2: Bitte geben Sie eine Beschreibung ein');
    expect(partial.body).toContain('Unterlage 2: Bitte geben Sie eine Frist als Datum ein.');
    expect(partial.body).toContain('Unterlage 2 (freiwillig)');
    expect(partial.body).not.toContain('Bitte füllen Sie dieses Feld aus.');
    expect(partial.body).toContain('<label class="kern-label" for="f-items-1-description">Beschreibung</label>');

    const created = await post(`${base}/aufforderungen`, {
      bgNummer: '12345BG0012345',
      email: 'nachfrage@example.org',
      lang: 'de',
      message: 'Es fehlen noch Unterlagen.',
      followUpOf: followUp,
      'items.0.documentType': 'lohnabrechnung',
      'items.0.description': 'Lohnabrechnung November',
      'items.0.dueDate': '2026-12-15',
    });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const code = /name="code" value="([0-9A-Z]{26})"/.exec(created.body)![1]!;
    const id = /action="\/t\/neue-wege\/staff\/unterlagen\/aufforderungen\/([0-9a-f-]{36})\/brief"/.exec(created.body)![1]!;

    const letter = await post(`${base}/aufforderungen/${id}/brief`, { code });
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-disposition']).toMatch(/^attachment; filename="Aufforderung-MA-/);
    expect((await post(`${base}/aufforderungen/${id}/brief`, { code: 'A'.repeat(26) })).statusCode).toBe(404);

    const mails = await ctx.database.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'unterlagen.aufforderung'));
    expect(mails.some((m) => m.to === 'nachfrage@example.org' && m.text.includes(code))).toBe(true);
    const [previous] = await ctx.database.db.select().from(uploads).where(eq(uploads.id, followUp));
    expect(previous!.reviewStatus).toBe('more-requested');
    expect((await get(`${base}/aufforderungen/${id}`)).body).toContain('Lohnabrechnung November');
  });

  it('saves a review and opens the next submission of the same filter, then returns to the list', async () => {
    // Only this test's uploads are of this type, so the filter holds exactly them.
    const older = await citizenUpload({ documentType: 'meldebescheinigung', lastName: 'Älter' });
    const newer = await citizenUpload({ documentType: 'meldebescheinigung', lastName: 'Neuer' });
    const list = await get(`${base}?status=new&type=meldebescheinigung`);
    expect(list.body).toContain('<td class="kern-table__cell ww-col-name" role="cell">Neuer</td>');
    expect(list.body).toContain(`href="${base}/${newer.id}?status=new&amp;type=meldebescheinigung"`);
    const first = await post(`${base}/${newer.id}/pruefung`, { decision: 'accept', next: '1', status: 'new', type: 'meldebescheinigung' });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${base}/${older.id}?status=new&type=meldebescheinigung&notice=saved`);
    const next = await get(String(first.headers.location));
    expect(next.body).toContain('Gespeichert. Hier ist die nächste Einreichung dieser Auswahl.');
    expect(next.body).toContain('name="type" value="meldebescheinigung"');
    const last = await post(`${base}/${older.id}/pruefung`, { decision: 'accept', next: '1', status: 'new', type: 'meldebescheinigung' });
    expect(last.headers.location).toBe(`${base}?status=new&type=meldebescheinigung&notice=saved`);
    expect((await get(String(last.headers.location))).body).toContain('In dieser Auswahl ist keine weitere Einreichung.');
    // "Save" alone stays on the submission.
    const stay = await post(`${base}/${older.id}/pruefung`, { decision: 'accept' });
    expect(stay.headers.location).toBe(`${base}/${older.id}?notice=saved`);
  });

  it('keeps tenants apart', async () => {
    const { id } = await citizenUpload();
    const other = await loginAs(ctx, ['sachbearbeitung'], ctx.otherTenant);
    expect((await get(`/t/muster-kreis/staff/unterlagen/${id}`, other)).statusCode).toBe(404);
    expect((await get(`/t/muster-kreis/staff/unterlagen`, other)).body).not.toContain(id);
    // A session of the other tenant is unknown here.
    expect((await get(`${base}/${id}`, other)).statusCode).toBe(303);
  });
});
