import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formDrafts, formSubmissions } from '../forms/testing.js';
import { purgeExpiredDrafts, sendDraftReminders } from '../forms/index.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { antragFlows } from './flows/index.js';
import { householdOfThree, injectClient, runJourney, type JourneyStep } from './testing.js';

let ctx: TestContext;
const base = '/t/neue-wege/antrag';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
});
afterAll(async () => ctx?.close());

const mails = async (kind: string) => (await ctx.deps.database.db.select().from(outboxMessages)).filter((m) => m.kind === kind);
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

/** Starts a draft and answers the given steps; returns the client. */
async function started(steps: JourneyStep[] = []) {
  const http = injectClient(ctx.app);
  const start = await http.post(`${base}/start`, {});
  expect(start.status).toBe(303);
  let location = start.location ?? '';
  for (const step of steps) {
    const res = await http.post(step.item ? location : `${base}/${step.page}`, step.form);
    expect(res.status, `${step.page}: ${main(res.body).slice(0, 400)}`).toBe(303);
    location = res.location ?? '';
  }
  return { http, location: () => location };
}

describe('Erstantrag for a household of three', () => {
  let confirmation = '';
  let reference = '';
  const http = () => injectClient(ctx.app);
  let client: ReturnType<typeof injectClient>;

  it('runs from the start page to the confirmation without personal data in any address', async () => {
    client = http();
    const locations: string[] = [];
    const recording = { get: client.get, post: async (path: string, form: Record<string, string | string[]>) => {
      const res = await client.post(path, form);
      if (res.location) locations.push(res.location);
      return res;
    } };
    const result = await runJourney(recording, '/t/neue-wege', householdOfThree());
    confirmation = result.confirmation;
    reference = /EA-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation)?.[0] ?? '';
    expect(reference).not.toBe('');
    for (const location of locations) {
      expect(location).toMatch(/^\/t\/neue-wege\/antrag(\/[a-z0-9-]+)*(\/[A-Za-z0-9_-]{8})?$/);
      expect(location).not.toMatch(/Anna|Beispiel|DE89/);
    }
  });

  it('stores one encrypted submission, sends the confirmation and offers the PDF', async () => {
    const rows = await ctx.deps.database.db.select().from(formSubmissions).where(eq(formSubmissions.reference, reference));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.data)).not.toContain('Beispiel');
    expect(rows[0]!.facets).toEqual({ householdSize: 3, children: 1, housing: 'miete', earnings: true });
    const [mail] = await mails('forms.confirmation');
    expect(mail!.to).toBe('anna.beispiel@example.org');
    expect(mail!.text).toContain(reference);
    const pdf = await client.get(`${base}/bestaetigung/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith('%PDF')).toBe(true);
  });

  it('treats a second submit as the same application', async () => {
    const again = await client.post(`${base}/absenden`, { declaration: 'ja' });
    expect(again.status).toBe(303);
    const page = await client.get(`${base}/bestaetigung`);
    expect(page.body).toContain(reference);
    expect(await ctx.deps.database.db.select().from(formSubmissions).where(eq(formSubmissions.flowId, 'erstantrag'))).toHaveLength(1);
    expect(await mails('forms.confirmation')).toHaveLength(1);
  });

  it('shows the status by the link from the mail and by reference + date of birth, but not with a wrong date', async () => {
    const token = /status\/([A-Za-z0-9_-]{43})/.exec(confirmation)?.[1] ?? '';
    const byLink = await injectClient(ctx.app).get(`${base}/status/${token}`);
    expect(byLink.status).toBe(200);
    expect(byLink.body).toContain('Eingegangen');
    const birth = { 'birthDate-day': '12', 'birthDate-month': '4', 'birthDate-year': '1990' };
    const byForm = await injectClient(ctx.app).post(`${base}/status`, { reference, ...birth });
    expect(byForm.body).toContain(reference);
    const wrong = await injectClient(ctx.app).post(`${base}/status`, { reference, ...birth, 'birthDate-day': '13' });
    expect(wrong.status).toBe(404);
    expect(wrong.body).not.toContain('Eingegangen am');
  });
});

describe('pages adapt to the answers', () => {
  it('shows the estimate with every step, non-binding and with the fictional limits', async () => {
    const { http } = await started(householdOfThree().slice(0, 27));
    const page = await http.get(`${base}/vermoegen/orientierung`);
    expect(page.status).toBe(200);
    const text = main(page.body);
    expect(text).toContain('Unverbindlich');
    expect(text).toContain('Regelbedarf Anna (Stufe 2');
    expect(text).toContain('Kindergeld für Mia');
    expect(text).toContain('Frei erfundene Beispielwerte');
    expect(text).toMatch(/Möglicher Anspruch im Monat: [\d.]+,\d\d/);
    // after the asset pages, so the assets entered there count; allowances are deductions, never "+"
    expect(text).toContain('Vermögen: 1.200,00');
    expect(text).not.toMatch(/\+\s?\d/);
  });

  it('derives the checklist from the household and links to the upload', async () => {
    const { http } = await started(householdOfThree().slice(0, 32));
    const page = main((await http.get(`${base}/unterlagen/checkliste`)).body);
    expect(page).toContain('Für: Anna Beispiel, Jonas Beispiel');
    expect(page).toContain('Mietvertrag');
    expect(page).toContain('Bescheid über Arbeitslosengeld');
    expect(page).not.toContain('Mutterpass');
    expect(page).toContain('href="/t/neue-wege/unterlagen"');
  });

  it('asks about Kindergeld only for a child and drops the answer when the relation changes', async () => {
    const steps = householdOfThree();
    const { http, location } = await started([...steps.slice(0, 5), steps[5]!, steps[6]!, { ...steps[12]!, page: 'haushalt/person-beziehung' }]);
    const itemPath = location();
    const itemId = itemPath.split('/').pop()!;
    await http.post(itemPath, { 'birthDate-day': '1', 'birthDate-month': '1', 'birthDate-year': '2015' });
    await http.post(`${base}/haushalt/person-situation/${itemId}`, { statuses: ['keine'] });
    expect((await http.get(`${base}/haushalt/person-kindergeld/${itemId}`)).status).toBe(200);
    await http.post(`${base}/haushalt/person-kindergeld/${itemId}`, { kindergeld: 'ja' });
    await http.post(`${base}/haushalt/person-beziehung/${itemId}`, { relation: 'geschwister' });
    expect((await http.get(`${base}/haushalt/person-kindergeld/${itemId}`)).status).toBe(404);
    const check = main((await http.get(`${base}/pruefen`)).body);
    expect(check).not.toContain('Kindergeld gezahlt');
  });
});

describe('check your answers', () => {
  it('returns to the check page after a change, unless the change opens new questions', async () => {
    const { http } = await started(householdOfThree());
    const check = await http.get(`${base}/pruefen`);
    expect(check.body).toContain(`href="${base}/wohnung/mietkosten?ziel=pruefen"`);
    const rent = await http.post(`${base}/wohnung/mietkosten?ziel=pruefen`, { kaltmiete: '600', nebenkosten: '120', heizkosten: '90,50' });
    expect(rent.location).toBe(`${base}/pruefen`);
    const owner = await http.post(`${base}/wohnung/wohnsituation?ziel=pruefen`, { housing: 'eigentum' });
    expect(owner.location).toBe(`${base}/wohnung/eigentumskosten?ziel=pruefen`);
    const incomplete = await http.get(`${base}/pruefen`);
    expect(incomplete.body).toContain('Diese Abschnitte sind noch nicht fertig');
    expect(incomplete.body).not.toContain('Antrag verbindlich absenden');
    expect((await http.post(`${base}/absenden`, { declaration: 'ja' })).status).toBe(409);
  });

  it('asks for the declaration before submitting', async () => {
    const { http } = await started(householdOfThree());
    const res = await http.post(`${base}/absenden`, {});
    expect(res.status).toBe(422);
    expect(res.body).toContain('href="#f-declaration"');
  });
});

describe('household members', () => {
  it('removes a member only by POST, with its answers', async () => {
    const steps = householdOfThree();
    const { http, location } = await started([steps[5]!, steps[6]!]);
    const itemId = location().split('/').pop()!;
    const ask = await http.get(`${base}/haushalt/personen/${itemId}/entfernen`);
    expect(ask.status).toBe(200);
    expect(ask.body).toContain('Jonas Beispiel entfernen?');
    expect((await http.get(`${base}/haushalt/personen`)).body).toContain('Jonas Beispiel');
    const removed = await http.post(`${base}/haushalt/personen/${itemId}/entfernen`, {});
    expect(removed.location).toBe(`${base}/haushalt/personen`);
    expect((await http.get(`${base}/haushalt/person-name/${itemId}`)).status).toBe(404);
    expect((await http.get(`${base}/haushalt/personen`)).body).not.toContain('Jonas');
  });

  it('allows only one partner', async () => {
    const steps = householdOfThree();
    const { http } = await started([steps[5]!, steps[6]!, steps[7]!, steps[8]!, steps[9]!]);
    const next = await http.post(`${base}/haushalt/personen`, { addAnother: 'ja' });
    await http.post(next.location!, { firstName: 'Zweiter', lastName: 'Partner' });
    const second = await http.post(next.location!.replace('person-name', 'person-beziehung'), { relation: 'partner' });
    expect(second.status).toBe(422);
    expect(second.body).toContain('schon eine Partnerin oder einen Partner');
  });
});

describe('validation keeps what was typed', () => {
  it('rejects a wrong IBAN check digit with a linked error and the value re-rendered', async () => {
    const { http } = await started();
    const res = await http.post(`${base}/bank/konto`, { accountHolder: 'Anna Beispiel', iban: 'DE88 3704 0044 0532 0130 00' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('href="#f-iban"');
    expect(res.body).toContain('Die IBAN ist nicht richtig');
    expect(res.body).toContain('value="DE88 3704 0044 0532 0130 00"');
    expect(res.body).toContain('<title>Fehler: ');
    // Leaving and coming back: the typed value and the error are still there.
    const again = await http.get(`${base}/bank/konto`);
    expect(again.status).toBe(422);
    expect(again.body).toContain('value="DE88 3704 0044 0532 0130 00"');
  });

  it('checks dates and amounts and names the field in the message', async () => {
    const { http } = await started();
    const date = await http.post(`${base}/person/geburtsdatum`, { 'birthDate-day': '31', 'birthDate-month': '2', 'birthDate-year': '1990' });
    expect(date.body).toContain('Dieses Datum gibt es nicht');
    await http.post(`${base}/wohnung/wohnsituation`, { housing: 'miete' });
    const amounts = await http.post(`${base}/wohnung/mietkosten`, { kaltmiete: '12,345', nebenkosten: '', heizkosten: '1.234,56' });
    expect(amounts.status).toBe(422);
    expect(amounts.body).toContain('Bitte geben Sie „Kaltmiete“ als Betrag in Euro an');
    expect(amounts.body).toContain('Bitte geben Sie einen Betrag für „Nebenkosten (ohne Heizung)“ an');
    expect(amounts.body).toContain('value="1.234,56"');
  });

  it('refuses fields the page does not have', async () => {
    const { http } = await started();
    const res = await http.post(`${base}/person/name`, { firstName: 'A', lastName: 'B', isAdmin: 'ja' });
    expect(res.status).toBe(400);
  });

  it('refuses posts from other sites', async () => {
    const { http } = await started();
    const cookie = [...http.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await ctx.app.inject({ method: 'POST', url: `${base}/person/name`, headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'firstName=A&lastName=B' });
    expect(res.statusCode).toBe(403);
  });
});

describe('save and resume', () => {
  it('sends a link whose GET changes nothing and whose POST continues on another device', async () => {
    const { http } = await started(householdOfThree().slice(0, 2));
    const sent = await http.post(`${base}/speichern`, { email: 'anna.beispiel@example.org' });
    expect(sent.status).toBe(303);
    const mail = (await mails('forms.resume')).at(-1)!;
    const link = /https?:\/\/\S+\/fortsetzen\/([A-Za-z0-9_-]{43})/.exec(mail.text)!;
    const [before] = await ctx.deps.database.db.select().from(formDrafts).where(eq(formDrafts.hasResumeEmail, true));
    const other = injectClient(ctx.app);
    const get = await other.get(`${base}/fortsetzen/${link[1]}`);
    expect(get.status).toBe(200);
    expect(get.body).toContain('name="token"');
    expect(other.cookies.size).toBe(0);
    const [after] = await ctx.deps.database.db.select().from(formDrafts).where(eq(formDrafts.id, before!.id));
    expect(after).toEqual(before);
    const post = await other.post(`${base}/fortsetzen`, { token: link[1]! });
    expect(post.status).toBe(303);
    const tasks = await other.get(post.location!);
    expect(tasks.body).toContain('Begonnen');
    expect((await other.get(`${base}/person/name`)).body).toContain('value="Anna"');
  });

  it('reminds three days before expiry and deletes the draft after it', async () => {
    const { http } = await started(householdOfThree().slice(0, 1));
    await http.post(`${base}/speichern`, { email: 'erinnerung@example.org' });
    ctx.clock.advance(27.5 * 86_400_000);
    expect(await sendDraftReminders(ctx.deps, antragFlows)).toBeGreaterThanOrEqual(1);
    expect((await mails('forms.reminder')).some((m) => m.to === 'erinnerung@example.org')).toBe(true);
    expect(await sendDraftReminders(ctx.deps, antragFlows)).toBe(0);
    ctx.clock.advance(3 * 86_400_000);
    expect(await purgeExpiredDrafts(ctx.deps)).toBeGreaterThanOrEqual(1);
    const gone = await http.get(`${base}/aufgaben`);
    expect(gone.status).toBe(401);
    expect(gone.body).toContain('Kein gespeicherter Antrag');
    ctx.clock.set('2026-11-25T09:00:00Z');
  });
});

describe('languages and the second flow', () => {
  it('shows the start page and an error in English', async () => {
    const en = injectClient(ctx.app, { 'accept-language': 'en' });
    expect((await en.get(`${base}`)).body).toContain('Who can apply?');
    await en.post(`${base}/start`, {});
    const res = await en.post(`${base}/person/geburtsdatum`, { 'birthDate-day': '1', 'birthDate-month': '', 'birthDate-year': '1990' });
    expect(res.body).toContain('The date is incomplete');
  });

  it('runs the Veränderungsmitteilung "Bankverbindung ändern" on the same engine', async () => {
    const bank = '/t/neue-wege/aenderung/bankverbindung';
    const http = injectClient(ctx.app);
    const start = await http.post(`${bank}/start`, {});
    expect(start.location).toBe(`${bank}/person/name`);
    const answers: [string, Record<string, string>][] = [
      ['person/name', { firstName: 'Jonas', lastName: 'Beispiel' }],
      ['person/geburtsdatum', { 'birthDate-day': '3', 'birthDate-month': '9', 'birthDate-year': '1988' }],
      ['person/bg-nummer', { bgNummer: '12345BG0012345' }],
      ['konto/neues-konto', { accountHolder: 'Jonas Beispiel', iban: 'DE02120300000000202051' }],
      ['konto/ab-wann', { 'validFrom-day': '1', 'validFrom-month': '12', 'validFrom-year': '2026' }],
      ['konto/kontakt', { email: '' }],
    ];
    let location = '';
    for (const [page, form] of answers) location = (await http.post(`${bank}/${page}`, form)).location ?? '';
    expect(location).toBe(`${bank}/pruefen`);
    expect((await http.get(location)).body).toContain('DE02 1203 0000 0000 2020 51');
    await http.post(`${bank}/absenden`, { declaration: 'ja' });
    expect((await http.get(`${bank}/bestaetigung`)).body).toMatch(/VM-\d{4}-/);
  });
});
