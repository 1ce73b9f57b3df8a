// The Bürgergeld-Rechner as a citizen and an API client see it: worked examples to the cent on the
// page and in the API, errors that name the field, nothing stored, nothing cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../testing/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const api = '/api/v1/t/neue-wege/estimate';
const page = '/t/neue-wege/rechner';

interface Estimate {
  eligible: boolean;
  reasons: string[];
  needCents: number;
  countedIncomeCents: number;
  benefitCents: number;
  ruleSet: { id: string; validFrom: string; unverified: { key: string; label: string }[] };
  steps: { section: string; label: string; amountCents: number; member?: string }[];
}

async function estimate(payload: object, lang = 'de') {
  const res = await ctx.app.inject({ method: 'POST', url: api, payload, headers: { 'accept-language': lang } });
  return { status: res.statusCode, body: res.json() as Estimate & { errors?: { field: string; message: string }[] }, headers: res.headers };
}

async function form(fields: Record<string, string>, lang = 'de') {
  const res = await ctx.app.inject({ method: 'POST', url: `${page}?lang=${lang}`, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return { status: res.statusCode, body: res.body, headers: res.headers };
}

/** The amount after "Möglicher Anspruch im Monat:" on the page, in cents. */
function pageBenefit(html: string): number | undefined {
  const m = /Möglicher Anspruch im Monat: ([\d.]+),(\d\d)/.exec(html);
  return m ? Number(m[1]!.replaceAll('.', '')) * 100 + Number(m[2]) : undefined;
}

// March 2026 (Bürgergeld 2026). The demo tenant's limits (3 persons: 750 € rent, 140 € heating) are
// not binding in the first year for rent; heating is capped at its limit.
const worked: { name: string; api: Record<string, unknown>; form: Record<string, string>; expected: number }[] = [
  {
    name: 'single parent with two children (5 and 8) and a mini-job of 520 €',
    api: {
      month: '2026-03',
      members: [
        { role: 'applicant', birthDate: '1990-05-01', earnings: { grossCents: 52_000, netCents: 52_000 } },
        { role: 'child', birthDate: '2021-02-01' },
        { role: 'child', birthDate: '2017-09-01' },
      ],
      housing: { rentCents: 80_000, heatingCents: 10_000 },
    },
    form: { month: '2026-03', 'm0.birthDate': '01.05.1990', 'm0.gross': '520,00', 'm0.net': '520,00', 'm1.role': 'child', 'm1.birthDate': '01.02.2021', 'm2.role': 'child', 'm2.birthDate': '01.09.2017', rent: '800', heating: '100' },
    // 563 + 357 + 390 + 202.68 + 800 + 100 = 2,412.68; income 336 + 2 × 259 = 854 → 1,558.68 €
    expected: 155_868,
  },
  {
    name: 'a 20-year-old living with a mother who earns 3,000 € gross (2,000 € net)',
    api: {
      month: '2026-03',
      members: [
        { role: 'applicant', birthDate: '2005-09-01' },
        { role: 'parent', birthDate: '1975-04-04', earnings: { grossCents: 300_000, netCents: 200_000 } },
      ],
      housing: { rentCents: 70_000, heatingCents: 8_000 },
    },
    form: { month: '2026-03', 'm0.birthDate': '01.09.2005', 'm1.role': 'parent', 'm1.birthDate': '04.04.1975', 'm1.gross': '3.000,00', 'm1.net': '2.000,00', rent: '700', heating: '80' },
    // 451 + 563 + 700 + 80 = 1,794; 2,000 - 348 = 1,652 → 142 €
    expected: 14_200,
  },
  {
    name: 'a single parent with an own child (8) and a foster child (5)',
    api: {
      month: '2026-03',
      members: [
        { role: 'applicant', birthDate: '1988-03-03' },
        { role: 'child', birthDate: '2017-07-07' },
        { role: 'fosterChild', birthDate: '2021-01-01' },
      ],
      housing: { rentCents: 75_000, heatingCents: 9_000 },
    },
    form: { month: '2026-03', 'm0.birthDate': '03.03.1988', 'm1.role': 'child', 'm1.birthDate': '07.07.2017', 'm2.role': 'fosterChild', 'm2.birthDate': '01.01.2021', rent: '750', heating: '90' },
    // 563 + 390 + 67.56 + 500 + 60 = 1,580.56; Kindergeld 259 → 1,321.56 €
    expected: 132_156,
  },
  {
    name: 'a couple without children, one partner with unemployment benefit of 400 €',
    api: {
      month: '2026-03',
      members: [
        { role: 'applicant', birthDate: '1980-02-01' },
        { role: 'partner', birthDate: '1982-07-07', otherIncome: [{ kind: 'alg1', amountCents: 40_000 }] },
      ],
      housing: { rentCents: 60_000, heatingCents: 8_000 },
    },
    form: { month: '2026-03', 'm0.birthDate': '01.02.1980', 'm1.role': 'partner', 'm1.birthDate': '07.07.1982', 'm1.incomeKind': 'alg1', 'm1.income': '400', rent: '600', heating: '80' },
    // 506 + 506 + 600 + 80 = 1,692; 400 - 30 = 370 → 1,322 €
    expected: 132_200,
  },
];

describe('worked examples: page and API give the same amount to the cent', () => {
  for (const w of worked) {
    it(w.name, async () => {
      const fromApi = await estimate(w.api);
      expect(fromApi.status).toBe(200);
      expect(fromApi.body.benefitCents).toBe(w.expected);
      const sum = (section: string) => fromApi.body.steps.filter((s) => s.section === section).reduce((a, s) => a + s.amountCents, 0);
      expect(sum('need')).toBe(fromApi.body.needCents);
      expect(sum('income')).toBe(fromApi.body.countedIncomeCents);
      const fromPage = await form(w.form);
      expect(fromPage.status).toBe(200);
      expect(pageBenefit(fromPage.body)).toBe(w.expected);
    });
  }
});

describe('the API', () => {
  it('shows the rule set with its date, unverified parameters in plain words and the steps per person', async () => {
    const { body } = await estimate({ ...worked[0]!.api, month: '2026-07' });
    expect(body.ruleSet).toMatchObject({ id: 'grundsicherung-2026-07', validFrom: '2026-07-01' });
    expect(body.ruleSet.unverified.length).toBeGreaterThan(0);
    for (const u of body.ruleSet.unverified) expect(u.label).not.toContain('.');
    expect(body.steps.find((s) => s.label.startsWith('Regelbedarf Person 2'))).toMatchObject({ member: '1', amountCents: 35_700 });
    expect(body.steps.filter((s) => s.section === 'income' && s.amountCents < 0).map((s) => s.label)).toContain('Grundfreibetrag Person 1');
  });

  it('says why someone is probably excluded and where help comes from, in English too', async () => {
    const { body } = await estimate({ month: '2026-03', members: [{ role: 'applicant', birthDate: '1985-01-01', residence: 'asylum' }], housing: { rentCents: 40_000, heatingCents: 5_000 } }, 'en');
    expect(body.eligible).toBe(false);
    expect(body.benefitCents).toBe(0);
    expect(body.reasons.join(' ')).toContain('Asylum Seekers');
  });

  it.each([
    ['negative rent', { housing: { rentCents: -100, heatingCents: 0 } }, 'housing.rentCents'],
    ['a rent of 95,000 €', { housing: { rentCents: 9_500_000, heatingCents: 0 } }, 'housing.rentCents'],
    ['an impossible date', { members: [{ role: 'applicant', birthDate: '1990-02-30' }] }, 'members.0.birthDate'],
    ['a month without a rule set', { month: '2023-05' }, 'month'],
    ['no applicant', { members: [{ role: 'child', birthDate: '2020-01-01' }] }, 'members'],
    ['net above gross', { members: [{ role: 'applicant', birthDate: '1990-01-01', earnings: { grossCents: 100, netCents: 200 } }] }, 'members.0.earnings.netCents'],
  ])('422 naming the field: %s', async (_what, change, field) => {
    const { status, body, headers } = await estimate({ ...worked[3]!.api, ...change });
    expect(status).toBe(422);
    expect(headers['content-type']).toContain('application/problem+json');
    expect(body.errors?.map((e) => e.field)).toContain(field);
  });
});

describe('the page', () => {
  it('works without JavaScript: a plain form posting to itself, linked from the start page', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: page });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<form method="post" action="${page}"`);
    const start = await ctx.app.inject({ method: 'GET', url: '/t/neue-wege' });
    expect(start.body).toContain(`href="${page}"`);
  });

  it('shows every step, the next steps and the documents, in English too, and stores and caches nothing', async () => {
    const drafts = async () => ((await ctx.database.db.execute(sql`select count(*)::int as n from form_drafts`)) as unknown as { rows: { n: number }[] }).rows[0]?.n;
    const before = await drafts();
    const res = await form(worked[0]!.form, 'en');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('Possible entitlement per month: €1,558.68');
    expect(res.body).toContain('Additional need single parent Person 1 (36 %');
    expect(res.body).toContain('Payslips and employment contract');
    expect(res.body).toContain('Apply online');
    expect(await drafts()).toBe(before);
  });

  it('asks to check an implausible rent at the field instead of printing a five-figure amount', async () => {
    const res = await form({ ...worked[1]!.form, rent: '95.000,00' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('href="#f-rent"');
    // The summary names the field, not only "this amount".
    expect(res.body).toMatch(/href="#f-rent">Miete im Monat mit Nebenkosten, ohne Heizung: Dieser Betrag ist ungewöhnlich hoch/);
    expect(pageBenefit(res.body)).toBeUndefined();
  });

  it('names unreadable fields of further people', async () => {
    const res = await form({ ...worked[0]!.form, 'm2.birthDate': '31.02.2017' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('href="#f-m2-birthDate"');
    expect(res.body).toMatch(/href="#f-m2-birthDate">Person 3 – Geburtsdatum: /);
  });
});
