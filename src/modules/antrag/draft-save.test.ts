// A page save against a draft that changed after the save read it: another tab saved, the draft was submitted,
// or the person continued on another device with a new link. Nothing may be lost or written silently.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { formDrafts } from '../forms/testing.js';
import { FormEngine } from '../forms/index.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { antragFlows } from './flows/index.js';
import { householdOfThree, injectClient, runJourney } from './testing.js';

let ctx: TestContext;
let engine: FormEngine;
const base = '/t/neue-wege/antrag';
const cookie = 'ww_form_erstantrag';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  engine = new FormEngine(antragFlows.find((f) => f.id === 'erstantrag')!, ctx.deps);
});
afterAll(async () => ctx?.close());

/** A browser with a complete, not yet submitted draft, and that draft as a page request reads it. */
async function completeDraft() {
  const http = injectClient(ctx.app);
  await runJourney(http, '/t/neue-wege', householdOfThree(), { submit: false });
  const tdb = new TenantDb(ctx.deps.database.db, ctx.tenant.id);
  const read = async () => (await engine.load(tdb, http.cookies.get(cookie)))!;
  return { http, tdb, read };
}

const pageOf = (engineDraft: Awaited<ReturnType<FormEngine['load']>>, page: string) => engine.instance(engineDraft!, page);

describe('a page save after the draft changed elsewhere', () => {
  it('keeps the other tab’s answer when a tab saves a draft it read before that answer', async () => {
    const { http, tdb, read } = await completeDraft();
    const tabA = await read();
    const tabB = await read();
    expect(tabB.row.version).toBe(tabA.row.version);
    const a = await engine.savePage(tdb, tabA, pageOf(tabA, 'konto'), { accountHolder: 'Anna Beispiel', iban: 'DE02 1203 0000 0000 2020 51' });
    const b = await engine.savePage(tdb, tabB, pageOf(tabB, 'krankenkasse'), { insurer: 'Zweite Kasse', insuranceNumber: '' });
    expect(a.ok && b.ok).toBe(true);

    expect((await http.get(`${base}/bank/konto`)).body).toContain('DE02 1203 0000 0000 2020 51');
    expect((await http.get(`${base}/krankenversicherung/krankenkasse`)).body).toContain('value="Zweite Kasse"');
  });

  it('refuses a save of a draft that was submitted after the save read it, and writes nothing', async () => {
    const { http, tdb, read } = await completeDraft();
    const stale = await read();
    expect((await http.post(`${base}/absenden`, { declaration: 'ja' })).status).toBe(303);

    await expect(engine.savePage(tdb, stale, pageOf(stale, 'krankenkasse'), { insurer: 'Zu spät', insuranceNumber: '' })).rejects.toMatchObject({ status: 409 });
    const [row] = await ctx.deps.database.db.select().from(formDrafts).where(eq(formDrafts.id, stale.row.id));
    expect(row?.submittedAt).not.toBeNull();
    expect(row?.data).toBeNull();
    // The browser is sent to its confirmation, as before.
    const again = await http.post(`${base}/krankenversicherung/krankenkasse`, { insurer: 'Zu spät', insuranceNumber: '' });
    expect(again.location).toBe(`${base}/bestaetigung`);
  });

  it('no longer saves with the old browser’s token once the draft was continued by a new link', async () => {
    const { http } = await completeDraft();
    const sent = await http.post(`${base}/speichern`, { email: 'anna.beispiel@example.org' });
    expect(sent.status).toBe(303);
    const mail = (await ctx.deps.database.db.select().from(outboxMessages)).filter((m) => m.kind === 'forms.resume').at(-1)!;
    const link = /\/fortsetzen\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    const other = injectClient(ctx.app);
    expect((await other.post(`${base}/fortsetzen`, { token: link })).status).toBe(303);

    const old = await http.post(`${base}/krankenversicherung/krankenkasse`, { insurer: 'Alter Browser', insuranceNumber: '' });
    expect(old.status).toBe(401);
    expect(old.body).toContain('Kein gespeicherter Antrag');
    expect((await other.get(`${base}/krankenversicherung/krankenkasse`)).body).toContain('value="Beispiel-Krankenkasse"');
  });
});
