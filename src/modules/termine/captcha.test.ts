import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { createPowChallenge, createQuestion, verifyCaptcha } from './captcha.js';
import { answerOf, createTestLocation, liftLimits, solvedPayload } from './testing.js';

const config = loadConfig({ NODE_ENV: 'test', CAPTCHA: 'on' });
const now = new Date('2026-11-25T09:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('proof of work', () => {
  it('accepts a solved challenge and refuses a wrong, tampered or expired one', async () => {
    const challenge = await createPowChallenge(config, now);
    const payload = await solvedPayload(challenge);
    expect(await verifyCaptcha(config, now, { altcha: payload })).toMatchObject({ ok: true });
    expect(await verifyCaptcha(config, later(31), { altcha: payload })).toMatchObject({ ok: false, error: { field: 'captcha', message: 'termine:errors.captchaExpired' } });

    const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { challenge: { parameters: { data: { exp: number } } }; solution: { derivedKey: string } };
    // The derived key is the proof (the counter alone is not checked when the key is signed).
    const key = parsed.solution.derivedKey;
    const wrong = { ...parsed, solution: { ...parsed.solution, derivedKey: `${key[0] === '0' ? '1' : '0'}${key.slice(1)}` } };
    expect(await verifyCaptcha(config, now, { altcha: Buffer.from(JSON.stringify(wrong)).toString('base64') })).toMatchObject({ ok: false, error: { message: 'termine:errors.captchaInvalid' } });
    parsed.challenge.parameters.data.exp += 3600;
    expect(await verifyCaptcha(config, later(31), { altcha: Buffer.from(JSON.stringify(parsed)).toString('base64') })).toMatchObject({ ok: false, error: { message: 'termine:errors.captchaInvalid' } });
    expect(await verifyCaptcha(config, now, { altcha: 'not base64 json' })).toMatchObject({ ok: false });
  });

  it('is signed with a key derived from SECRET_KEY: another installation cannot mint challenges', async () => {
    const other = loadConfig({ NODE_ENV: 'test', CAPTCHA: 'on', SECRET_KEY: 'another-secret-key-of-at-least-32-chars!' });
    const payload = await solvedPayload(await createPowChallenge(other, now));
    expect(await verifyCaptcha(config, now, { altcha: payload })).toMatchObject({ ok: false });
  });
});

describe('question for browsers without JavaScript', () => {
  it('accepts the right answer and names the answer field otherwise', async () => {
    const q = createQuestion(config, now);
    expect(await verifyCaptcha(config, now, { captchaToken: q.token, captchaAnswer: ` ${q.a + q.b} ` })).toMatchObject({ ok: true });
    expect(await verifyCaptcha(config, now, { captchaToken: q.token, captchaAnswer: String(q.a + q.b + 1) })).toMatchObject({ ok: false, error: { field: 'captchaAnswer', message: 'termine:errors.captchaWrong' } });
    expect(await verifyCaptcha(config, now, { captchaToken: q.token, captchaAnswer: '' })).toMatchObject({ ok: false, error: { message: 'termine:errors.captchaMissing' } });
    expect(await verifyCaptcha(config, later(31), { captchaToken: q.token, captchaAnswer: String(q.a + q.b) })).toMatchObject({ ok: false, error: { message: 'termine:errors.captchaExpired' } });
    const forged = Buffer.from(JSON.stringify({ a: 1, b: 1, exp: later(60).getTime(), n: 'x' })).toString('base64url');
    expect(await verifyCaptcha(config, now, { captchaToken: `${forged}.${q.token.split('.')[1]}`, captchaAnswer: '2' })).toMatchObject({ ok: false, error: { message: 'termine:errors.captchaInvalid' } });
    expect(await verifyCaptcha(config, now, {})).toMatchObject({ ok: false, error: { field: 'captcha', message: 'termine:errors.captchaMissing' } });
  });
});

describe('bookings with the captcha switched on', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ now: now.toISOString(), env: { CAPTCHA: 'on' } });
    await liftLimits(ctx.deps, ctx.tenant);
  });
  afterAll(async () => ctx?.close());

  it('API: requires a solved challenge from GET /captcha and accepts it only once', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 3 });
    const body = (time: string, email: string, captcha?: string) => ({
      location: place.locationId,
      service: [place.serviceId],
      startsAt: `2026-11-26T${time}:00+01:00`,
      name: 'Erika Muster',
      email,
      ...(captcha ? { captcha } : {}),
    });
    const url = '/api/v1/t/neue-wege/appointments';
    const missing = await ctx.app.inject({ method: 'POST', url, payload: body('09:00', 'a@example.org') });
    expect(missing.statusCode).toBe(422);
    expect((missing.json() as { errors: { field: string }[] }).errors[0]?.field).toBe('captcha');
    const challengeResponse = await ctx.app.inject({ method: 'GET', url: '/api/v1/t/neue-wege/captcha' });
    expect(challengeResponse.headers['cache-control']).toBe('no-store');
    const challenge = challengeResponse.json() as Awaited<ReturnType<typeof createPowChallenge>>;
    const payload = await solvedPayload(challenge);
    expect((await ctx.app.inject({ method: 'POST', url, payload: body('09:00', 'a@example.org', payload) })).statusCode).toBe(201);
    const replay = await ctx.app.inject({ method: 'POST', url, payload: body('09:15', 'b@example.org', payload) });
    expect(replay.statusCode).toBe(422);
    expect((replay.json() as { errors: { message: string }[] }).errors[0]?.message).toContain('schon verwendet');
  });

  it('HTML: the check page carries the challenge and the question; the right answer books', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const base = '/t/neue-wege/termine';
    const held = await ctx.app.inject({ method: 'POST', url: `${base}/zeit`, payload: { service: place.serviceId, location: place.locationId, persons: '1', startsAt: '2026-11-26T10:00:00+01:00' } });
    const cookie = String(held.headers['set-cookie']).split(';')[0]!;
    await ctx.app.inject({ method: 'POST', url: `${base}/kontakt`, headers: { cookie }, payload: { name: 'Erika Muster', email: 'erika@example.org' } });
    const page = await ctx.app.inject({ method: 'GET', url: `${base}/pruefen`, headers: { cookie } });
    expect(page.body).toContain('data-altcha-challenge=');
    const token = /name="captchaToken" value="([^"]+)"/.exec(page.body)![1]!;
    const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)![1]!;
    const wrong = await ctx.app.inject({ method: 'POST', url: `${base}/buchen`, headers: { cookie }, payload: { formToken, captchaToken: token, captchaAnswer: '99' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('href="#f-captchaAnswer"');
    const right = await ctx.app.inject({ method: 'POST', url: `${base}/buchen`, headers: { cookie }, payload: { formToken, captchaToken: token, captchaAnswer: answerOf(token) } });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe(`${base}/gebucht`);
  });
});
