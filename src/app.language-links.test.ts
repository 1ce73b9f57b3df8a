// The language switch on a refused form: the page was rendered by the form's POST address, but the links must lead
// to the GET address of the same page in the other language (ADR 0315).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './testing/app.js';
import { coachingStaffBase, coachingTestbed, type CoachingTestbed } from './modules/coaching/testing.js';
import { loginAs, type LoggedIn } from './modules/staff/testing.js';

let ctx: TestContext;
let coaching: CoachingTestbed;
let office: LoggedIn;

beforeAll(async () => {
  ctx = await createTestContext();
  coaching = await coachingTestbed(ctx);
  office = await loginAs(ctx, ['personalentwicklung']);
});
afterAll(async () => ctx?.close());

/** The href of the switch to English on a page (attribute values come HTML-escaped). */
function englishLink(html: string): string {
  const href = /<a class="kern-link" href="([^"]+)" hreflang="en"/.exec(html)?.[1];
  expect(href).toBeDefined();
  return href!.replace(/&amp;/g, '&');
}

async function followInEnglish(who: LoggedIn, refused: { statusCode: number; body: string }) {
  expect(refused.statusCode).toBe(422);
  const href = englishLink(refused.body);
  const page = await coaching.get(who, href);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('<html lang="en"');
  return href;
}

describe('language switch after a refused form', () => {
  it('on a dossier section of coaching leads to the dossier, not to the section’s POST address', async () => {
    const id = await coaching.intake();
    const refused = await coaching.post(coaching.coach, `${coachingStaffBase}/${id}/kontakte`, {});
    expect(await followInEnglish(coaching.coach, refused)).toBe(`${coachingStaffBase}/${id}?lang=en`);
  });

  it('on a new seminar leads to the form’s own address, not to the list the form posts to', async () => {
    const refused = await coaching.post(office, '/t/neue-wege/staff/seminare/seminare', {});
    expect(await followInEnglish(office, refused)).toBe('/t/neue-wege/staff/seminare/seminare/neu?lang=en');
  });

  it('on a page a GET shows at the same address keeps that address', async () => {
    const refused = await ctx.app.inject({ method: 'POST', url: '/t/neue-wege/termine/finden', payload: {} });
    expect(refused.statusCode).toBe(422);
    expect(englishLink(refused.body)).toBe('/t/neue-wege/termine/finden?lang=en');
  });
});

describe('language switch on a page reached with a query', () => {
  it('keeps a booking step’s choices, so the same step opens in English', async () => {
    const start = await ctx.app.inject('/t/neue-wege/termine');
    const service = /name="service" value="([0-9a-f-]{36})"/.exec(start.body)![1]!;
    expect(englishLink(start.body)).toBe('/t/neue-wege/termine?lang=en');

    const step = `/t/neue-wege/termine/standort?service=${service}`;
    const german = await ctx.app.inject(step);
    expect(german.statusCode).toBe(200);
    const href = englishLink(german.body);
    expect(href).toBe(`${step}&lang=en`);
    const english = await ctx.app.inject(href);
    expect(english.statusCode).toBe(200);
    expect(english.body).toContain('<html lang="en" dir="ltr"');
    expect(english.body).toContain(`value="${service}"`);
    // Back to German from the English page: its own ?lang is replaced, not repeated.
    const germanHref = /<a class="kern-link" href="([^"]+)" hreflang="de"/.exec(english.body)![1]!.replace(/&amp;/g, '&');
    expect(germanHref).toBe(`${step}&lang=de`);
  });

  it('keeps the query as it was sent and drops lang', async () => {
    const page = await ctx.app.inject('/t/neue-wege/termine/finden?lang=de&x=a%26b&lang=fr&y=%C3%A4+1&&z');
    expect(englishLink(page.body)).toBe('/t/neue-wege/termine/finden?x=a%26b&y=%C3%A4+1&z&lang=en');
  });

  it('drops the one-shot parameters a redirect adds to report what was done (ADR 0396)', async () => {
    const page = await ctx.app.inject('/t/neue-wege/termine/finden?gesendet=1&x=1&notice=saved&ok=saved&done=moved');
    expect(englishLink(page.body)).toBe('/t/neue-wege/termine/finden?x=1&lang=en');
  });

  it('on a page kept for every visitor: the links keep the query, and the page kept stays without it', async () => {
    const plain = await ctx.app.inject('/t/neue-wege/impressum');
    expect(englishLink(plain.body)).toBe('/t/neue-wege/impressum?lang=en');
    const withQuery = await ctx.app.inject('/t/neue-wege/impressum?von=start');
    expect(englishLink(withQuery.body)).toBe('/t/neue-wege/impressum?von=start&lang=en');
    expect(englishLink((await ctx.app.inject('/t/neue-wege/impressum')).body)).toBe('/t/neue-wege/impressum?lang=en');
    expect(englishLink((await ctx.app.inject('/t/neue-wege/impressum?lang=de')).body)).toBe('/t/neue-wege/impressum?lang=en');
  });
});

describe('language switch on an address that is no page', () => {
  it('never links to another site, whatever slashes the address starts with', async () => {
    for (const [url, link] of [
      ['//evil.example/x?a=1', '/evil.example/x?a=1&lang=en'],
      ['///evil.example', '/evil.example?lang=en'],
    ] as const) {
      const page = await ctx.app.inject(url);
      expect(page.statusCode).toBe(404);
      expect(englishLink(page.body)).toBe(link);
    }
  });
});
