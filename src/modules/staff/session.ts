// Staff session rules: cookie name and options, idle (30 min) and absolute (10 h) timeouts, and whether a session is still valid.
import type { Config } from '#shared/config.js';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 10 * 3_600_000;
/** The staff script warns this long before the idle timeout. */
export const IDLE_WARNING_MS = 2 * 60_000;

/** `__Host-` needs Secure, which browsers refuse on plain http: so only when PUBLIC_URL is https. */
export function sessionCookieName(config: Config): string {
  return isHttps(config) ? '__Host-ww_session' : 'ww_session';
}

export function isHttps(config: Config): boolean {
  return config.publicUrl.startsWith('https://');
}

export function sessionCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isHttps(config) };
}

export type SessionState = 'ok' | 'revoked' | 'idle' | 'absolute';

/** Whether a session may still be used at `now` (idle 30 min, absolute 10 h). */
export function sessionState(session: { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null }, now: Date): SessionState {
  if (session.revokedAt) return 'revoked';
  if (now.getTime() - session.createdAt.getTime() >= ABSOLUTE_TIMEOUT_MS) return 'absolute';
  if (now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return 'idle';
  return 'ok';
}

/** When the session ends if nothing happens: the earlier of idle and absolute timeout. */
export function sessionExpiresAt(session: { createdAt: Date; lastSeenAt: Date }): Date {
  return new Date(Math.min(session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS, session.createdAt.getTime() + ABSOLUTE_TIMEOUT_MS));
}

/** A short browser description for the session list; no version numbers (less fingerprinting data). */
export function describeUserAgent(ua: string | undefined): string {
  if (!ua) return '';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} (${os})` : browser;
}

/** Only same-site paths below the tenant's staff area may be used as the target after login. */
export function safeNext(next: unknown, staffBase: string): string {
  if (typeof next !== 'string') return staffBase;
  if (!next.startsWith(`${staffBase}/`) && next !== staffBase) return staffBase;
  if (next.includes('//') || next.includes('\\')) return staffBase;
  return next;
}
