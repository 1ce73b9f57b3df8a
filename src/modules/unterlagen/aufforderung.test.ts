// Mitwirkungsaufforderung: created by the service other modules call, opened by the citizen with the code.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { ValidationError } from '#shared/http/errors.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { pdfWithPages } from './files/test/fixtures.js';
import { aufforderungLetter, createMitwirkungsaufforderung } from './index.js';
import { file, multipart } from './test/multipart.js';
import { hashToken } from '#shared/crypto.js';
import { formatAccessCode } from './tokens.js';
import { mitwirkungItems, mitwirkungsaufforderungen } from './unterlagen.tables.js';

let ctx: TestContext;
let tdb: TenantDb;
const notice = () => ({ tenant: ctx.tenant, publicUrl: ctx.deps.config.publicUrl });
const items = [
  { documentType: 'kontoauszuege' as const, description: 'Kontoauszüge Girokonto August bis Oktober 2026', dueDate: '2026-12-09' },
  { documentType: 'mietvertrag' as const, description: 'Aktueller Mietvertrag mit allen Seiten', dueDate: '2026-11-20' },
];

beforeAll(async () => {
  ctx = await createTestContext();
  tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
});
afterAll(async () => ctx?.close());

async function create(extra: Record<string, unknown> = {}) {
  return createMitwirkungsaufforderung(tdb, { bgNummer: '12345BG0012345', items, message: 'Bitte reichen Sie die Unterlagen nach.', createdBy: 'antrag-modul', ...extra }, notice());
}

describe('createMitwirkungsaufforderung', () => {
  it('stores the items and only a hash of the ≥128-bit code, and e-mails the link when an address is given', async () => {
    const created = await create({ email: 'kunde@example.org' });
    expect(created.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.reference).toMatch(/^MA-[0-9A-Z]{8}$/);
    const [row] = await ctx.database.db.select().from(mitwirkungsaufforderungen).where(eq(mitwirkungsaufforderungen.id, created.id));
    expect(row!.codeHash).toBe(hashToken(created.code));
    expect(JSON.stringify(row)).not.toContain(created.code);
    // The code stays valid 90 days after the last deadline (end of that day, Berlin).
    expect(row!.expiresAt.toISOString()).toBe('2027-03-09T22:59:59.999Z');
    const stored = await ctx.database.db.select().from(mitwirkungItems).where(eq(mitwirkungItems.aufforderungId, created.id));
    expect(stored.map((i) => [i.position, i.documentType, i.status])).toEqual([
      [1, 'kontoauszuege', 'open'],
      [2, 'mietvertrag', 'open'],
    ]);
    const [mail] = await ctx.database.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'kunde@example.org'));
    expect(mail!.kind).toBe('unterlagen.aufforderung');
    expect(mail!.text).toContain(`http://localhost:3000/t/neue-wege/unterlagen/a/${created.code}`);
    expect(mail!.text).toContain(formatAccessCode(created.code));
    expect(mail!.text).toContain('bis 09.12.2026');
  });

  it('refuses a BG-Nummer in the wrong format and items without a deadline', async () => {
    await expect(create({ bgNummer: '123' })).rejects.toBeInstanceOf(ValidationError);
    await expect(create({ items: [{ documentType: 'mietvertrag', description: 'x', dueDate: '' }] })).rejects.toBeInstanceOf(ValidationError);
  });

  it('makes the letter PDF only for the right code', async () => {
    const created = await create();
    const letter = await aufforderungLetter(tdb, created.id, formatAccessCode(created.code).toLowerCase(), notice());
    expect(letter.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(aufforderungLetter(tdb, created.id, created.code.replace(/.$/, created.code.endsWith('0') ? '1' : '0'), notice())).rejects.toThrow();
    await expect(aufforderungLetter(new TenantDb(ctx.database.db, ctx.otherTenant.id), created.id, created.code, notice())).rejects.toThrow();
  });
});

describe('the citizen opens the request with the code', () => {
  it('accepts the code as typed from paper (lower case, hyphens, O for 0) and shows what is open and overdue', async () => {
    const { code } = await create();
    const typed = formatAccessCode(code).toLowerCase().replace(/0/g, 'o');
    const res = await ctx.app.inject({ method: 'POST', url: '/t/neue-wege/unterlagen/code', payload: { code: typed } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/t/neue-wege/unterlagen/a/${code}`);
    const page = await ctx.app.inject(res.headers.location!);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Noch 2 Unterlagen sind offen.');
    expect(page.body).toContain('Kontoauszüge Girokonto August bis Oktober 2026');
    // Item 2 was due on 20 Nov; "today" is 25 Nov 2026.
    expect(page.body.match(/Frist abgelaufen/g)).toHaveLength(1);
    expect(page.body).toContain(`href="/t/neue-wege/unterlagen/a/${code}/1"`);
  });

  it('answers an incomplete code on the form and an unknown or foreign code with 404', async () => {
    const short = await ctx.app.inject({ method: 'POST', url: '/t/neue-wege/unterlagen/code', payload: { code: 'ABCD' } });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('href="#f-code"');
    expect((await ctx.app.inject('/t/neue-wege/unterlagen/a/ABCDEFGHJKMNPQRSTVWXYZ0123')).statusCode).toBe(404);
    const { code } = await create();
    expect((await ctx.app.inject(`/t/muster-kreis/unterlagen/a/${code}`)).statusCode).toBe(404);
    const foreignPost = await ctx.app.inject({ method: 'POST', url: `/t/muster-kreis/unterlagen/a/${code}/1`, ...multipart([file('a.pdf', await pdfWithPages(1))]) });
    expect(foreignPost.statusCode).toBe(404);
  });

  it('takes uploads per item (API and form), marks the item received, and stops after the deadline grace period', async () => {
    const { code, id } = await create();
    const api = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/t/neue-wege/uploads',
      ...multipart([{ name: 'requestCode', value: formatAccessCode(code) }, { name: 'item', value: '2' }, file('mietvertrag.pdf', await pdfWithPages(3))]),
    });
    expect(api.statusCode, api.body).toBe(201);
    const receipt = await ctx.app.inject({
      url: `/api/v1/t/neue-wege/uploads/${api.json<{ id: string }>().id}/receipt`,
      headers: { authorization: `Bearer ${api.json<{ receiptToken: string }>().receiptToken}` },
    });
    expect(receipt.json()).toMatchObject({ documentType: 'mietvertrag', item: { number: 2, dueDate: '2026-11-20', status: 'submitted' } });
    expect(receipt.headers['cache-control']).toBe('no-store');

    const form = await ctx.app.inject({ method: 'POST', url: `/t/neue-wege/unterlagen/a/${code}/1`, ...multipart([file('auszug.pdf', await pdfWithPages(1))]) });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toMatch(new RegExp(`^/t/neue-wege/unterlagen/quittung/[A-Za-z0-9_-]{43}\\?code=${code}$`));
    // The receipt speaks to the citizen: no check sums on the page (they are in the PDF), and "send more" goes
    // back to this request instead of to the start page where the code must be typed again.
    const receiptResponse = await ctx.app.inject(form.headers.location as string);
    expect(receiptResponse.headers['cache-control']).toBe('no-store');
    const receiptPage = receiptResponse.body;
    expect(receiptPage).not.toMatch(/SHA-256|[0-9a-f]{64}/);
    expect(receiptPage).toContain(`href="/t/neue-wege/unterlagen/a/${code}">Weitere Unterlagen senden`);
    expect(receiptPage.match(/Ihre Dateien/g)).toHaveLength(1);
    const page = await ctx.app.inject(`/t/neue-wege/unterlagen/a/${code}`);
    expect(page.body).toContain('Sie haben zu allen Punkten Unterlagen gesendet.');
    expect(page.headers['cache-control']).toBe('no-store');

    const wrongItem = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/t/neue-wege/uploads',
      ...multipart([{ name: 'requestCode', value: code }, { name: 'item', value: '7' }, file('a.pdf', await pdfWithPages(1))]),
    });
    expect(wrongItem.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('item');

    await ctx.database.db.update(mitwirkungItems).set({ status: 'accepted' }).where(eq(mitwirkungItems.aufforderungId, id));
    const closed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/t/neue-wege/uploads',
      ...multipart([{ name: 'requestCode', value: code }, { name: 'item', value: '1' }, file('a.pdf', await pdfWithPages(1))]),
    });
    expect(closed.json<{ errors: { message: string }[] }>().errors[0]!.message).toBe('Dieser Punkt ist bereits erledigt.');
    // The form checks the request it loaded from the path the same way.
    const closedForm = await ctx.app.inject({ method: 'POST', url: `/t/neue-wege/unterlagen/a/${code}/1`, ...multipart([file('a.pdf', await pdfWithPages(1))]) });
    expect(closedForm.statusCode).toBe(422);
    expect(closedForm.body).toContain('Dieser Punkt ist bereits erledigt.');

    ctx.clock.set('2027-03-10T09:00:00Z');
    try {
      expect((await ctx.app.inject(`/t/neue-wege/unterlagen/a/${code}`)).statusCode).toBe(404);
    } finally {
      ctx.clock.set('2026-11-25T09:00:00Z');
    }
  });
});
