// Names in Turkish, Polish, Cyrillic and Vietnamese letters, printed as typed in the applicant's PDF and in the
// caseworker's export (Helvetica's WinAnsi made "Ayşe" into "AyöP"; src/shared/pdf.ts embeds a Unicode font).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { pdfFonts, pdfText } from '#shared/testing/pdf-text.js';
import { loginAs } from '../staff/testing.js';
import { formSubmissions } from '../forms/testing.js';
import { householdOfThree, injectClient, runJourney, type JourneyStep } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const names: Record<string, { firstName: string; lastName: string }> = {
  Anna: { firstName: 'Ayşe Ğülşen', lastName: 'Łukasiewicz-Żółć' },
  Jonas: { firstName: 'Дмитрий', lastName: 'Иванов' },
  Mia: { firstName: 'Nguyễn Thị', lastName: 'Hương' },
};
const household = (): JourneyStep[] =>
  householdOfThree().map((step) => {
    const person = names[String(step.form.firstName)];
    // A whole date typed into the day box (German and ISO) is accepted like the three boxes (issue 18, item 19).
    if (step.page === 'person/geburtsdatum') return { ...step, form: { 'birthDate-day': '12.04.1990', 'birthDate-month': '', 'birthDate-year': '' } };
    if (step.form['birthDate-year'] === '2019') return { ...step, form: { 'birthDate-day': '2019-06-15', 'birthDate-month': '', 'birthDate-year': '' } };
    return person ? { ...step, form: { ...step.form, ...person } } : step;
  });

describe('application PDFs with names in other scripts', () => {
  it('prints every name as typed, for the applicant and in the caseworker export, in an embedded font (birth dates typed whole into the day box)', async () => {
    const http = injectClient(ctx.app);
    await runJourney(http, '/t/neue-wege', household());
    const citizen = await ctx.app.inject({ url: '/t/neue-wege/antrag/bestaetigung/pdf', cookies: Object.fromEntries(http.cookies) });
    expect(citizen.statusCode).toBe(200);
    const [row] = await ctx.deps.database.db.select().from(formSubmissions);
    const caseworker = await loginAs(ctx, ['sachbearbeitung']);
    const staff = await ctx.app.inject({ url: `/t/neue-wege/staff/antraege/${row!.id}/antrag.pdf`, cookies: caseworker.cookies });
    expect(staff.statusCode).toBe(200);
    for (const pdf of [citizen.rawPayload, staff.rawPayload]) {
      const text = pdfText(pdf);
      for (const person of Object.values(names)) {
        expect(text).toContain(person.firstName);
        expect(text).toContain(person.lastName);
      }
      expect(text).not.toContain('\uFFFD');
      expect(pdfFonts(pdf)).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    }
  });
});
