import { describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config.js';
import { describeUserAgent, safeNext, sessionCookieName, sessionCookieOptions, sessionExpiresAt, sessionState } from './session.js';

const t0 = new Date('2026-11-25T08:00:00Z');
const min = 60_000;

describe('session rules', () => {
  it('expires after 30 idle minutes and after 10 hours in any case', () => {
    const s = { createdAt: t0, lastSeenAt: t0, revokedAt: null };
    expect(sessionState(s, new Date(t0.getTime() + 29 * min))).toBe('ok');
    expect(sessionState(s, new Date(t0.getTime() + 30 * min))).toBe('idle');
    const busy = { ...s, lastSeenAt: new Date(t0.getTime() + 600 * min - 1) };
    expect(sessionState(busy, new Date(t0.getTime() + 600 * min - 1))).toBe('ok');
    expect(sessionState(busy, new Date(t0.getTime() + 600 * min))).toBe('absolute');
    expect(sessionState({ ...s, revokedAt: t0 }, t0)).toBe('revoked');
    expect(sessionExpiresAt(busy).getTime()).toBe(t0.getTime() + 600 * min);
    expect(sessionExpiresAt(s).getTime()).toBe(t0.getTime() + 30 * min);
  });

  it('uses the __Host- cookie with Secure on https and a plain name on http', () => {
    const https = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://jobcenter.example' });
    expect(sessionCookieName(https)).toBe('__Host-ww_session');
    expect(sessionCookieOptions(https)).toEqual({ path: '/', httpOnly: true, sameSite: 'lax', secure: true });
    const http = loadConfig({ NODE_ENV: 'test' });
    expect(sessionCookieName(http)).toBe('ww_session');
    expect(sessionCookieOptions(http).secure).toBe(false);
  });

  it('only redirects to paths in the own staff area after login', () => {
    const base = '/t/neue-wege/staff';
    expect(safeNext('/t/neue-wege/staff/audit?x=1', base)).toBe('/t/neue-wege/staff/audit?x=1');
    expect(safeNext('https://evil.example/', base)).toBe(base);
    expect(safeNext('//evil.example/t/neue-wege/staff', base)).toBe(base);
    expect(safeNext('/t/muster-kreis/staff', base)).toBe(base);
    expect(safeNext('/t/neue-wege/staffx', base)).toBe(base);
    expect(safeNext(undefined, base)).toBe(base);
  });

  it('describes the browser without version numbers', () => {
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36')).toBe('Chrome (Linux)');
    expect(describeUserAgent(undefined)).toBe('');
  });
});
