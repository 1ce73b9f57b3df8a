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
