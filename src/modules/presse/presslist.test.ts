// The press list over HTTP and through the outbox: double opt-in with an expiring hashed link, topics, the release
// sent once per recipient after its embargo (with List-Unsubscribe headers that reach the mail), one-click unsubscribe.
import { readFile, readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { drainOutbox } from '#shared/mail/outbox.js';
import { createTransport } from '#shared/mail/transport.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { pressSubscribers } from './presse.tables.js';
import { sendDueOfAllTenants } from './presslist.service.js';
import * as release from './release.service.js';

let ctx: TestContext;
const base = '/t/neue-wege';
const embargo = new Date('2026-03-12T09:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-03-10T09:00:00Z' });
});
afterAll(async () => ctx?.close());

const mails = async (kind: string) => (await ctx.deps.database.db.select().from(outboxMessages)).filter((m) => m.kind === kind);
const subscribers = () => ctx.deps.database.db.select().from(pressSubscribers);
const subscribe = (payload: string) => ctx.app.inject({ method: 'POST', url: `${base}/presse/verteiler`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
const linkIn = (text: string, kind: 'bestaetigen' | 'abmelden') => new RegExp(`http://localhost:3000(/t/neue-wege/presse/verteiler/${kind}/[A-Za-z0-9_-]{43})`).exec(text)![1]!;

async function publishRelease(title: string, categories: string[], embargoUntil: Date | null) {
  const pctx = { tdb: new TenantDb(ctx.deps.database.db, ctx.tenant.id), deps: ctx.deps };
  const a = { userId: '10000000-0000-4000-8000-000000000001', roles: ['presse'] };
  const b = { userId: '10000000-0000-4000-8000-000000000002', roles: ['presse'] };
  const r = await release.createDraft(pctx, a, { title, subtitle: '', dateline: 'Kreis Bergstraße (kb).', body: 'Text der Meldung.', categories, embargoUntil });
  await release.submit(pctx, a, r.id);
  await release.approve(pctx, b, r.id);
  return release.publish(pctx, a, r.id);
}

describe('press list', () => {
  it('is linked from the newsroom and names the field of a bad address', async () => {
    expect((await ctx.app.inject({ url: `${base}/presse` })).body).toContain(`href="${base}/presse/verteiler"`);
    const page = await ctx.app.inject({ url: `${base}/presse/verteiler` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Digitalisierung');
    const bad = await subscribe('email=kein-at-zeichen&categories=Digitalisierung');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-email"');
    expect(bad.body).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(bad.body).toMatch(/value="Digitalisierung"[^>]*checked/);
    expect(await subscribers()).toHaveLength(0);
  });

  it('confirms by POST only, once, with a link whose token is stored hashed', async () => {
    const res = await subscribe('email=Redaktion%40Bergstraesser-Anzeiger.example');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Bitte bestätigen Sie Ihre Anmeldung');
    const [mail] = await mails('presse.presslist.confirm');
    expect(mail!.to).toBe('redaktion@bergstraesser-anzeiger.example');
    const link = linkIn(mail!.text, 'bestaetigen');
    const token = link.split('/').pop()!;
    const [row] = await subscribers();
    expect(row!.confirmedAt).toBeNull();
    expect(JSON.stringify(row)).not.toContain(token);
    const shown = await ctx.app.inject({ url: link });
    expect(shown.body).toContain(`action="${link}"`);
    expect((await subscribers())[0]!.confirmedAt).toBeNull();
    const done = await ctx.app.inject({ method: 'POST', url: link });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Sie stehen im Presseverteiler');
    expect((await subscribers())[0]!.confirmedAt).not.toBeNull();
    expect((await ctx.app.inject({ method: 'POST', url: link })).statusCode).toBe(410);
  });

  it('answers a known address the same and sends it nothing; an expired link confirms nothing', async () => {
    const again = await subscribe('email=redaktion%40bergstraesser-anzeiger.example');
    expect(again.body).toContain('Bitte bestätigen Sie Ihre Anmeldung');
    expect(await mails('presse.presslist.confirm')).toHaveLength(1);
    await subscribe('email=spaet%40example.org');
    const late = linkIn((await mails('presse.presslist.confirm'))[1]!.text, 'bestaetigen');
    ctx.clock.advance(49 * 3_600_000);
    expect((await ctx.app.inject({ method: 'POST', url: late })).statusCode).toBe(410);
    ctx.clock.set('2026-03-10T09:00:00Z');
  });

  it('sends a release after its embargo once to each recipient who wants its topic, with one-click unsubscribe', async () => {
    await subscribe('email=digital%40example.org&categories=Digitalisierung');
    await ctx.app.inject({ method: 'POST', url: linkIn((await mails('presse.presslist.confirm')).at(-1)!.text, 'bestaetigen') });
    await publishRelease('Sperrfrist für den Verteiler', ['Arbeitsmarkt'], embargo);
    ctx.clock.set(new Date(embargo.getTime() - 1000));
    expect(await sendDueOfAllTenants(ctx.deps)).toBe(0);
    ctx.clock.set(embargo);
    const [first, second] = await Promise.all([sendDueOfAllTenants(ctx.deps), sendDueOfAllTenants(ctx.deps)]);
    expect(first + second).toBe(1);
    expect(await sendDueOfAllTenants(ctx.deps)).toBe(0);
    const sent = await mails('presse.presslist.release');
    expect(sent.map((m) => m.to)).toEqual(['redaktion@bergstraesser-anzeiger.example']);
    expect(sent[0]!.subject).toBe('Lfd. Nr. 1 / 2026: Sperrfrist für den Verteiler');
    const unsubscribe = linkIn(sent[0]!.text, 'abmelden');
    expect(sent[0]!.headers).toEqual({ 'List-Unsubscribe': `<http://localhost:3000${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    await publishRelease('Digitale Antragstellung', ['Digitalisierung'], null);
    expect(await sendDueOfAllTenants(ctx.deps)).toBe(2);
    expect((await mails('presse.presslist.release')).map((m) => m.to).sort()).toEqual(['digital@example.org', 'redaktion@bergstraesser-anzeiger.example', 'redaktion@bergstraesser-anzeiger.example']);

    // The headers reach the mail as written (file transport: one .eml per mail).
    await drainOutbox(ctx.deps, createTransport(ctx.deps.config), 50);
    const dir = `${ctx.deps.config.dataDir}/outbox`;
    const emls = await Promise.all((await readdir(dir)).map((f) => readFile(`${dir}/${f}`, 'utf8')));
    // Unfolded (RFC 5322 § 2.2.3): a long header line continues on the next line after whitespace.
    const eml = emls.find((e) => e.includes('Sperrfrist f'))!.replace(/\r?\n(?=[ \t])/g, '');
    expect(eml).toContain(`List-Unsubscribe: <http://localhost:3000${unsubscribe}>`);
    expect(eml).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    // RFC 8058: the mail program POSTs without cookies or session; the row is gone, a second POST still answers 200.
    const oneClick = { method: 'POST' as const, url: unsubscribe, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' };
    expect((await ctx.app.inject({ url: unsubscribe })).body).toContain(`action="${unsubscribe}"`);
    expect((await ctx.app.inject(oneClick)).statusCode).toBe(200);
    expect(await ctx.deps.database.db.select().from(pressSubscribers).where(eq(pressSubscribers.email, 'redaktion@bergstraesser-anzeiger.example'))).toHaveLength(0);
    const after = await ctx.app.inject(oneClick);
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Sie sind abgemeldet');
  });
});
