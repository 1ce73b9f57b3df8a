// textInput/multilineText, and malformed text through the real app: control characters, NUL and bidi controls are
// a 422 that names the field, never a database error (500) or a silently changed value.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { Browser, code, csrfFrom, loginAs, makeUser, PASSWORD } from '../../modules/staff/testing.js';
import { multilineText, textInput } from './text.js';
import './validation.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const api = '/api/v1/t/neue-wege';
type Problem = { status: number; errors?: { field: string; message: string }[] };

describe('textInput and multilineText', () => {
  it('trims, and refuses NUL, control characters, line breaks and bidi controls on one line', () => {
    const schema = textInput({ max: 20 });
    expect(schema.parse('  Erika Muster ')).toBe('Erika Muster');
    expect(schema.parse('Çağla Öztürk-אבי')).toBe('Çağla Öztürk-אבי');
    for (const bad of ['Erika\u0000', 'a\u0007b', 'a\nb', 'a\tb', 'a\u007fb', 'a\u0085b', '\ud800x']) {
      expect(schema.safeParse(bad).error?.issues[0]?.message, JSON.stringify(bad)).toBe('common:validation.controlChars');
    }
    for (const bad of ['\u202Eevil', 'a\u2066b', 'a\u202Ab', 'a\u2069']) {
      expect(schema.safeParse(bad).error?.issues[0]?.message, JSON.stringify(bad)).toBe('common:validation.bidiChars');
    }
    expect(schema.safeParse('x'.repeat(21)).success).toBe(false);
  });

  it('keeps line breaks and tabs in multi-line text, as LF', () => {
    const schema = multilineText({ max: 50 });
    expect(schema.parse(' Zeile 1\r\nZeile 2\tEnde ')).toBe('Zeile 1\nZeile 2\tEnde');
    expect(schema.safeParse('a\u0000b').success).toBe(false);
    expect(schema.safeParse('a\u202Db').success).toBe(false);
  });
});

describe('malformed text through the app is a 4xx naming the field', () => {
  it('bookAppointment with a NUL byte or a bidi override in the name: 422 for the field name, in German', async () => {
    const booking = { location: randomUUID(), service: [randomUUID()], startsAt: '2026-11-26T09:00:00+01:00', email: 'erika@example.org' };
    const nul = await ctx.app.inject({ method: 'POST', url: `${api}/appointments`, payload: { ...booking, name: 'Erika\u0000 Muster' } });
    expect(nul.statusCode).toBe(422);
    const errors = (nul.json() as Problem).errors!;
    expect(errors).toEqual([{ field: 'name', code: 'controlChars', message: expect.stringContaining('Steuerzeichen') }]);
    const bidi = await ctx.app.inject({ method: 'POST', url: `${api}/appointments`, payload: { ...booking, name: 'Erika \u202Eretsum' }, headers: { 'accept-language': 'en' } });
    expect(bidi.statusCode).toBe(422);
    expect((bidi.json() as Problem).errors).toEqual([{ field: 'name', code: 'bidiChars', message: expect.stringContaining('writing direction') }]);
  });

  it('getApplicationStatus with a NUL byte in the reference: 422, not a database error', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `${api}/applications/AB%00CD/status`, headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.[0]?.field).toBe('reference');
  });

  it('staff search fields with a NUL byte: 422 on the desk day view and the audit log', async () => {
    const desk = await loginAs(ctx, ['servicepoint']);
    // The day view's search is posted (a name never goes into the address).
    const day = await ctx.app.inject({
      method: 'POST',
      url: `/t/neue-wege/staff/servicepoint/${randomUUID()}/suche`,
      cookies: desk.cookies,
      payload: { _csrf: desk.csrfToken, q: 'Mus\u0000ter' },
    });
    expect(day.statusCode).toBe(422);
    expect(day.body).toContain('Steuerzeichen');
    const admin = await loginAs(ctx, ['tenant_admin']);
    const audit = await ctx.app.inject({ method: 'GET', url: '/t/neue-wege/staff/audit?objectId=%00', cookies: admin.cookies });
    expect(audit.statusCode).toBe(422);
  });

  it('a control character in the login step\'s next is a 422 and does not use up the code', async () => {
    const { email } = await makeUser(ctx, ['coach']);
    const browser = new Browser(ctx);
    const page = await browser.get('/t/neue-wege/staff/login');
    expect((await browser.post('/t/neue-wege/staff/login', { _csrf: csrfFrom(page.body), email, password: PASSWORD })).statusCode).toBe(303);
    const totp = code(ctx);
    const bad = await browser.submit('/t/neue-wege/staff/login/code', { code: totp, next: '/t/neue-wege/staff\r\nSet-Cookie: x=1' });
    expect(bad.statusCode).toBe(422);
    const good = await browser.submit('/t/neue-wege/staff/login/code', { code: totp, next: '/t/neue-wege/staff' });
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe('/t/neue-wege/staff');
  });

  it('multipart without a boundary or with garbage is a 4xx on the upload API and the upload form', async () => {
    for (const url of [`${api}/uploads`, '/t/neue-wege/unterlagen/frei']) {
      const noBoundary = await ctx.app.inject({ method: 'POST', url, headers: { 'content-type': 'multipart/form-data' }, payload: 'hallo' });
      expect(noBoundary.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(noBoundary.statusCode, url).toBeLessThan(500);
      const garbage = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
        payload: '--xyz\r\nContent-Disposition: form-data; name\r\n\r\n\u0000\u0001garbage without end',
      });
      expect(garbage.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(garbage.statusCode, url).toBeLessThan(500);
    }
  });
});
