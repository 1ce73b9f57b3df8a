// Per-IP limits of unauthenticated writes, and whose address counts: the TCP peer unless TRUST_PROXY says otherwise.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loadConfig } from '../config.js';
import { rateLimitJobs, publicLimits } from './index.js';

let ctx: TestContext;
let behindProxy: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { RATE_LIMITS: 'on' } });
  behindProxy = await createTestContext({ env: { RATE_LIMITS: 'on', TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await ctx?.close();
  await behindProxy?.close();
});

const startDraft = (app: TestContext, tenant: string, headers: Record<string, string> = {}) =>
  app.app.inject({ method: 'POST', url: `/api/v1/t/${tenant}/applications`, payload: {}, headers });

async function windows(app: TestContext) {
  const result = await app.database.db.execute(sql`select bucket, count from rate_limit_windows`);
  return (result as unknown as { rows: { bucket: string; count: number }[] }).rows;
}

describe('per-IP limits of unauthenticated writes', () => {
  it('startApplication: 30 drafts an hour from one address, then 429 with Retry-After; stored as a hash only', async () => {
    const codes: number[] = [];
    for (let i = 0; i < publicLimits.draft.max + 2; i++) codes.push((await startDraft(ctx, 'neue-wege')).statusCode);
    expect(codes.slice(0, publicLimits.draft.max).every((c) => c === 201)).toBe(true);
    expect(codes.slice(publicLimits.draft.max)).toEqual([429, 429]);
    const refused = await startDraft(ctx, 'neue-wege');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().title).toBe('Zu viele Anfragen');
    const rows = await windows(ctx);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.bucket).not.toContain('127.0.0.1');
  });

  it('uploads: 20 requests in 10 minutes from one address, then 429 before the body is read', async () => {
    const codes: number[] = [];
    for (let i = 0; i < publicLimits.upload.max + 1; i++) {
      codes.push((await ctx.app.inject({ method: 'POST', url: '/api/v1/t/muster-kreis/uploads', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' })).statusCode);
    }
    expect(codes.slice(0, publicLimits.upload.max)).not.toContain(429);
    expect(codes.at(-1)).toBe(429);
  });

  it('without TRUST_PROXY a spoofed X-Forwarded-For does not escape the limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < publicLimits.draft.max + 1; i++) codes.push((await startDraft(ctx, 'muster-kreis', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode);
    expect(codes.at(-1)).toBe(429);
  });

  it('with TRUST_PROXY=1 the address the proxy reports counts, one limit per client', async () => {
    for (let i = 0; i < publicLimits.draft.max; i++) expect((await startDraft(behindProxy, 'neue-wege', { 'x-forwarded-for': '198.51.100.7' })).statusCode).toBe(201);
    expect((await startDraft(behindProxy, 'neue-wege', { 'x-forwarded-for': '198.51.100.7' })).statusCode).toBe(429);
    // Another client behind the same proxy is not affected; the first one's left-most spoofed entry changes nothing.
    expect((await startDraft(behindProxy, 'neue-wege', { 'x-forwarded-for': '198.51.100.8' })).statusCode).toBe(201);
    expect((await startDraft(behindProxy, 'neue-wege', { 'x-forwarded-for': '10.9.9.9, 198.51.100.7' })).statusCode).toBe(429);
  });

  it('forgets ended windows', async () => {
    behindProxy.clock.advance(2 * 3_600_000);
    for (const job of rateLimitJobs) await job.run(behindProxy.deps);
    expect(await windows(behindProxy)).toEqual([]);
    expect((await startDraft(behindProxy, 'neue-wege', { 'x-forwarded-for': '198.51.100.7' })).statusCode).toBe(201);
  });
});

describe('TRUST_PROXY setting', () => {
  it('trusts nobody by default, takes a hop count or a list of addresses and ranges, refuses anything else', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5', '::1', 'loopback']);
    for (const bad of ['true', 'everyone', '10.0.0.0/33', '300.1.1.1', '11']) {
      expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY must be a hop count/);
    }
    expect(() => loadConfig({ NODE_ENV: 'development', RATE_LIMITS: 'off' })).toThrow(/RATE_LIMITS/);
  });
});
