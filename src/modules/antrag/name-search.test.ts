// The application inbox by name: the applicant's name per row, a search by whole name words through the blind index
// (umlauts folded, other tenants' applicants never found, the name never in an address or the audit), the backfill
// for applications from before the index, and a deactivated caseworker's searches removed with the account.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { staffListFilters } from '#shared/saved-filters/index.js';
import { formSubmissions } from '../forms/testing.js';
import { indexSubmissionNames } from '../forms/index.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { antragFlows } from './flows/index.js';
import { householdOfThree, injectClient, runJourney } from './testing.js';

let ctx: TestContext;
let caseworker: LoggedIn;
let admin: LoggedIn;
const staff = '/t/neue-wege/staff/antraege';
const refs: Record<string, string> = {};

/** The household of three with other names: the applicant, her partner (adult) and her child. */
function household(applicant: string, partner: string, child: string) {
  const names = [applicant, partner, child].map((n) => {
    const [firstName, lastName] = n.split(' ');
    return { firstName: firstName!, lastName: lastName! };
  });
  let person = 0;
  return householdOfThree().map((step) => (step.page.endsWith('person-name') || step.page === 'person/name' ? { ...step, form: names[person++]! } : step));
}

async function submit(tenant: string, steps: ReturnType<typeof household>) {
  const { confirmation } = await runJourney(injectClient(ctx.app), tenant, steps);
  return /EA-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation)![0];
}

beforeAll(async () => {
  ctx = await createTestContext();
  refs.mueller = await submit('/t/neue-wege', household('Jürgen Müller-Lüdenscheidt', 'Olga Weiß', 'Mia Müller'));
  refs.mueller2 = await submit('/t/neue-wege', household('Hans Mueller', 'Eva Mueller', 'Tim Mueller'));
  refs.other = await submit('/t/muster-kreis', household('Zoran Fremdmann', 'Ute Fremdmann', 'Kai Fremdmann'));
  caseworker = await loginAs(ctx, ['sachbearbeitung']);
  admin = await loginAs(ctx, ['tenant_admin']);
}, 240_000);
afterAll(async () => ctx?.close());

const post = (who: LoggedIn, url: string, form: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url, cookies: who.cookies, payload: new URLSearchParams({ _csrf: who.csrfToken, ...form }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const get = (who: LoggedIn, url: string) => ctx.app.inject({ method: 'GET', url, cookies: who.cookies });

/** Searches by name as the form does: POST, then the list at the address it redirects to. */
async function search(name: string, more: Record<string, string> = {}) {
  const posted = await post(caseworker, `${staff}/suche`, { person: name, ...more });
  expect(posted.statusCode).toBe(303);
  const location = String(posted.headers.location);
  expect(location).toMatch(/^\/t\/neue-wege\/staff\/antraege\?f=[0-9a-f-]{36}$/);
  const page = await get(caseworker, location);
  expect(page.statusCode).toBe(200);
  return { location, html: page.body, found: Object.keys(refs).filter((k) => page.body.includes(refs[k]!)) };
}

describe('application inbox by name', () => {
  it('shows the applicant\'s name in its own column, not sortable', async () => {
    const page = await get(caseworker, staff);
    expect(page.body).toContain('<th class="kern-table__header" scope="col">Name</th>');
    expect(page.body).toContain('Müller-Lüdenscheidt, Jürgen');
    expect(page.body).toContain('Mueller, Hans');
    expect(page.body).not.toContain('Fremdmann');
    expect(page.body).not.toContain('sort=name');
  });

  it('finds an application by a whole surname or first name of the applicant or an adult member, never by a child or a part of a word', async () => {
    expect((await search('Lüdenscheidt')).found).toEqual(['mueller']);
    expect((await search('jürgen')).found).toEqual(['mueller']);
    expect((await search('Weiss')).found).toEqual(['mueller']);
    expect((await search('Jürgen Weiß')).found).toEqual(['mueller']);
    expect((await search('Hans')).found).toEqual(['mueller2']);
    expect((await search('Lüdensch')).found).toEqual([]);
    expect((await search('Mia')).found).toEqual([]);
    expect((await search('x')).found).toEqual([]);
  });

  it('folds umlauts: "Müller" finds Müller and Mueller, "muller" only Müller', async () => {
    expect((await search('Müller')).found.sort()).toEqual(['mueller', 'mueller2']);
    expect((await search('MUELLER')).found.sort()).toEqual(['mueller', 'mueller2']);
    expect((await search('muller')).found).toEqual(['mueller']);
  });

  it('never finds another tenant\'s applicant', async () => {
    const { found, html } = await search('Fremdmann');
    expect(found).toEqual([]);
    expect(html).toContain('0 Anträge Kein Antrag passt zu dieser Suche; „Filter zurücksetzen“ zeigt alle.');
    // Nothing to page through: no "0–0 von 0" and no page size.
    expect(html).not.toContain('0–0 von 0');
    expect(html).not.toContain('Einträge pro Seite');
  });

  it('combines the name with the other filters and keeps it out of addresses and the audit', async () => {
    const withRef = await search('Müller', { reference: refs.mueller2! });
    expect(withRef.found).toEqual(['mueller2']);
    expect(withRef.html).toContain('value="Müller"');
    expect(withRef.html).not.toMatch(/href="[^"]*M(ü|%C3%BC)ller/i);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'antrag.inbox.view'), eq(auditLog.actorId, caseworker.userId)));
    expect(audit.map((a) => a.purpose)).toContain('filter=reference,person');
    expect(JSON.stringify(audit)).not.toMatch(/m(ü|ue|u)ller/i);
  });

  it('"save and next" stays within the name search', async () => {
    const { location } = await search('Müller', { sort: 'reference', dir: 'asc' });
    const f = /f=([0-9a-f-]{36})/.exec(location)![1]!;
    const ids = await ctx.database.db.select({ id: formSubmissions.id, reference: formSubmissions.reference }).from(formSubmissions);
    const [first, second] = ids.filter((r) => r.reference === refs.mueller || r.reference === refs.mueller2).sort((a, b) => a.reference.localeCompare(b.reference));
    const next = await post(caseworker, `${staff}/${first!.id}/status`, { status: 'in_bearbeitung', next: '1', list_f: f });
    expect(next.headers.location).toBe(`${staff}/${second!.id}?f=${f}&ok=statusNext`);
  });

  it('gives applications from before the index their entries once (backfill), without touching indexed ones', async () => {
    const before = await ctx.database.db.select({ id: formSubmissions.id, nameIndex: formSubmissions.nameIndex }).from(formSubmissions);
    await ctx.database.db.update(formSubmissions).set({ nameIndex: null }).where(eq(formSubmissions.reference, refs.mueller!));
    expect((await search('Lüdenscheidt')).found).toEqual([]);
    expect(await indexSubmissionNames(ctx.deps, antragFlows)).toBe(1);
    expect((await search('Lüdenscheidt')).found).toEqual(['mueller']);
    expect(await indexSubmissionNames(ctx.deps, antragFlows)).toBe(0);
    const after = await ctx.database.db.select({ id: formSubmissions.id, nameIndex: formSubmissions.nameIndex }).from(formSubmissions);
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('removes a caseworker\'s searches and saved filters when the account is deactivated', async () => {
    const leaving = await loginAs(ctx, ['sachbearbeitung']);
    await post(leaving, `${staff}/suche`, { person: 'Müller' });
    await post(leaving, `${staff}/filter`, { name: 'Meine', status: 'eingegangen' });
    const mine = () => ctx.database.db.select().from(staffListFilters).where(eq(staffListFilters.userId, leaving.userId));
    expect(await mine()).toHaveLength(2);
    const done = await post(admin, `/t/neue-wege/staff/admin/users/${leaving.userId}/deactivate`, {});
    expect(done.statusCode).toBe(303);
    expect(await mine()).toHaveLength(0);
    expect((await ctx.database.db.select().from(staffListFilters).where(eq(staffListFilters.userId, caseworker.userId))).length).toBeGreaterThan(0);
  });
});
