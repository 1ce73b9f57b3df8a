// After submitting an Erstantrag: the confirmation mail (date and time, links), the status page by the mail link
// and by reference + date of birth (same answer for a wrong reference and a wrong date, audited, rate-limited),
// and the submitted PDF from both.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { publicLimits } from '#shared/ratelimit/index.js';
import { pdfText } from '#shared/testing/pdf-text.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { encodeForm, householdOfThree, injectClient, runJourney, type Form } from './testing.js';

let ctx: TestContext;
const base = '/t/neue-wege/antrag';
let reference = '';
let mailText = '';

beforeAll(async () => {
  // 09:00 UTC is 10:00 in Berlin in November.
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z', env: { RATE_LIMITS: 'on' } });
  const { confirmation } = await runJourney(injectClient(ctx.app), '/t/neue-wege', householdOfThree());
  reference = /EA-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation)![0];
  expect(confirmation).toContain('Eingereicht am 25.11.2026 um 10:00 Uhr');
  const [mail] = (await ctx.deps.database.db.select().from(outboxMessages)).filter((m) => m.kind === 'forms.confirmation');
  mailText = mail!.text;
});
afterAll(async () => ctx?.close());

const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const lookup = (form: Form, ip = '198.51.100.1') =>
  ctx.app.inject({ method: 'POST', url: `${base}/status`, remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: encodeForm(form) });
const anna = (reference_: string, day = '12', month = '4', year = '1990'): Form => ({ reference: reference_, 'birthDate-day': day, 'birthDate-month': month, 'birthDate-year': year });
const audits = (action: string) => ctx.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectType, 'form_submission')));

describe('confirmation mail', () => {
  it('carries the submission date and time in Berlin, the status link and the lookup address', () => {
    expect(mailText).toContain(`Aktenzeichen: ${reference}`);
    expect(mailText).toContain('Eingereicht am: 25.11.2026 um 10:00 Uhr');
    expect(mailText).toMatch(/\/t\/neue-wege\/antrag\/status\/[A-Za-z0-9_-]{43}\n/);
    expect(mailText).toMatch(/\/t\/neue-wege\/antrag\/status\n/);
    expect(mailText).toContain('als PDF herunterladen');
  });

  it('leads by its link to the status page and the PDF as submitted', async () => {
    const path = /https?:\/\/[^/\s]+(\/t\/neue-wege\/antrag\/status\/[A-Za-z0-9_-]{43})/.exec(mailText)![1]!;
    const page = await ctx.app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(main(page.body)).toContain('Eingegangen');
    expect(page.body).toContain(`href="${path}/pdf"`);
    const pdf = await ctx.app.inject({ url: `${path}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${reference}.pdf"`);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(reference);
    expect(text).toContain('Anna');
    expect((await audits('forms.status.pdf')).map((a) => a.purpose)).toContain('citizen:link');
  });

  it('an unknown link says so and offers the lookup form', async () => {
    const page = await ctx.app.inject({ url: `${base}/status/${'A'.repeat(43)}` });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Dieser Link zum Bearbeitungsstand gilt nicht.');
    expect(page.body).toContain('name="birthDate-day"');
  });
});

describe('status by reference and date of birth', () => {
  it('shows the status and the PDF button for the right pair, also with the date typed whole or in lower case', async () => {
    const page = await lookup(anna(reference));
    expect(page.statusCode).toBe(200);
    expect(main(page.body)).toContain(reference);
    expect(main(page.body)).toContain('Eingegangen');
    expect(page.body).toContain('<input type="hidden" name="birthDate" value="1990-04-12"/>');
    expect((await lookup(anna(reference.toLowerCase(), '12.04.1990', '', ''))).statusCode).toBe(200);
    const viewed = await audits('forms.status.viewed');
    expect(viewed.filter((a) => a.purpose === 'citizen:birthDate')).toHaveLength(2);
    expect(viewed.every((a) => a.actorId === null && a.ipHash && !a.purpose!.includes('1990'))).toBe(true);
  });

  it('downloads the submitted PDF with the two keys the status page sends again', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${base}/status/pdf`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm({ reference, birthDate: '1990-04-12' }),
    });
    expect(res.statusCode).toBe(200);
    expect(pdfText(res.rawPayload)).toContain(reference);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: `${base}/status/pdf`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm({ reference, birthDate: '1990-04-13' }),
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body.startsWith('%PDF')).toBe(false);
  });

  it('answers a wrong date and an unknown reference with the same page', async () => {
    const wrongDate = await lookup(anna(reference, '13'));
    const unknown = await lookup(anna('EA-2026-0000-0000', '13'));
    expect(wrongDate.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (html: string) => main(html).replace(/value="EA-[^"]*"/, '');
    expect(strip(wrongDate.body)).toBe(strip(unknown.body));
    expect(main(wrongDate.body)).toContain('Zu diesem Aktenzeichen und diesem Geburtsdatum haben wir keinen Antrag gefunden.');
    expect(main(wrongDate.body)).not.toContain('Eingegangen');
    // What was typed stays in the form, to correct it.
    expect(wrongDate.body).toContain('value="13"');
    expect(wrongDate.body).toContain('value="1990"');
    // Refused tries on a real reference are in the audit log (this one and the PDF's above), without the date typed.
    const denied = await audits('forms.status.denied');
    expect(denied).toHaveLength(2);
    expect(denied.map((a) => a.purpose)).toEqual(['citizen:birthDate', 'citizen:birthDate']);
  });

  it('names the fields of an incomplete form', async () => {
    const page = await lookup({ reference: '', 'birthDate-day': '12', 'birthDate-month': '', 'birthDate-year': '' });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('href="#f-reference"');
    expect(page.body).toContain('href="#f-birthDate"');
  });

  it('is limited per address', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < publicLimits.lookup.max; i++) expect((await lookup(anna('EA-2026-0000-0000'), ip)).statusCode).toBe(404);
    expect((await lookup(anna(reference), ip)).statusCode).toBe(429);
    expect((await lookup(anna(reference), '198.51.100.78')).statusCode).toBe(200);
  });

  it('works in English', async () => {
    const page = await ctx.app.inject({ url: `${base}/status`, headers: { 'accept-language': 'en' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your date of birth');
  });
});
