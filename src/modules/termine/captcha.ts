// Abuse protection for bookings (doc/adr/0007-captcha.md): a self-hosted proof-of-work challenge (altcha v2,
// SHA-256) solved by src/public/termine.js, and for browsers without JavaScript a simple arithmetic question.
// Both are signed by the server, expire, and can be redeemed once (termin_captcha_uses).
import { randomBytes, randomInt } from 'node:crypto';
import { createChallenge, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Config } from '#shared/config.js';
import type { FieldError } from '#shared/http/errors.js';
import { keyedHash, safeEqual, sha256 } from '#shared/crypto.js';
import { deriveSecret } from './tokens.js';

/** Counter range of the deterministic challenge: ~35,000 SHA-256 rounds on average, about a second in a browser. */
const COUNTER_MIN = 10_000;
const COUNTER_MAX = 60_000;
const CAPTCHA_VALIDITY_MS = 30 * 60_000;

export interface CaptchaInput {
  /** altcha payload: base64 of JSON { challenge, solution }. */
  altcha?: string | undefined;
  /** Fallback question: the signed question token and the answer typed in. */
  captchaToken?: string | undefined;
  captchaAnswer?: string | undefined;
}

export interface VerifiedCaptcha {
  /** Hash of the redeemed challenge, stored to refuse a second use. */
  replayKey: string;
  expiresAt: Date;
}

export interface CaptchaQuestion {
  a: number;
  b: number;
  token: string;
}

type Result = { ok: true; value: VerifiedCaptcha } | { ok: false; error: FieldError };

const secrets = (config: Config) => ({
  signature: deriveSecret(config.secretKey, 'altcha-signature'),
  key: deriveSecret(config.secretKey, 'altcha-key'),
  question: deriveSecret(config.secretKey, 'captcha-question'),
});

/** A proof-of-work challenge; its expiry is checked against the app clock (data.exp), not the wall clock. */
export async function createPowChallenge(config: Config, now: Date): Promise<Challenge> {
  const s = secrets(config);
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(COUNTER_MIN, COUNTER_MAX),
    deriveKey,
    data: { exp: Math.floor((now.getTime() + CAPTCHA_VALIDITY_MS) / 1000) },
    hmacSignatureSecret: s.signature,
    hmacKeySignatureSecret: s.key,
  });
}

function sign(secret: string, payload: string): string {
  return keyedHash(secret, payload, 'base64url');
}

export function createQuestion(config: Config, now: Date): CaptchaQuestion {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const payload = Buffer.from(
    JSON.stringify({ a, b, exp: now.getTime() + CAPTCHA_VALIDITY_MS, n: randomBytes(9).toString('base64url') }),
  ).toString('base64url');
  return { a, b, token: `${payload}.${sign(secrets(config).question, payload)}` };
}

const error = (field: string, key: string): Result => ({ ok: false, error: { field, message: `termine:errors.${key}` } });
const replayKeyOf = (value: string) => sha256(value, 'base64url');

async function verifyPow(config: Config, now: Date, payload: string, field: string): Promise<Result> {
  let parsed: { challenge?: Challenge; solution?: { counter: number; derivedKey: string } };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof parsed;
  } catch {
    return error(field, 'captchaInvalid');
  }
  const { challenge, solution } = parsed;
  const exp = Number(challenge?.parameters?.data?.exp);
  if (!challenge?.parameters || !challenge.signature || !solution || !Number.isFinite(exp)) return error(field, 'captchaInvalid');
  const s = secrets(config);
  let verified = false;
  try {
    const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: s.signature, hmacKeySignatureSecret: s.key });
    verified = result.verified;
  } catch {
    verified = false;
  }
  if (!verified) return error(field, 'captchaInvalid');
  // The signature covers data.exp, so it cannot be moved by the client.
  if (exp * 1000 < now.getTime()) return error(field, 'captchaExpired');
  return { ok: true, value: { replayKey: replayKeyOf(challenge.signature), expiresAt: new Date(exp * 1000) } };
}

function verifyQuestion(config: Config, now: Date, token: string, answer: string): Result {
  const [payload = '', signature = ''] = token.split('.');
  const expected = sign(secrets(config).question, payload);
  if (!safeEqual(signature, expected)) {
    return error('captchaAnswer', 'captchaInvalid');
  }
  const { a, b, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { a: number; b: number; exp: number };
  if (exp < now.getTime()) return error('captchaAnswer', 'captchaExpired');
  if (!/^\s*\d{1,3}\s*$/.test(answer) || Number(answer) !== a + b) return error('captchaAnswer', 'captchaWrong');
  return { ok: true, value: { replayKey: replayKeyOf(token), expiresAt: new Date(exp) } };
}

/**
 * Checks whichever proof the form or API sent: the proof of work when present, otherwise the question.
 * `powField` names the field in error messages (API: 'captcha'; HTML: the answer field the person sees).
 */
export async function verifyCaptcha(config: Config, now: Date, input: CaptchaInput, powField = 'captcha'): Promise<Result> {
  if (input.altcha) return verifyPow(config, now, input.altcha, powField);
  if (input.captchaToken) {
    if (!input.captchaAnswer?.trim()) return error('captchaAnswer', 'captchaMissing');
    return verifyQuestion(config, now, input.captchaToken, input.captchaAnswer);
  }
  return error(powField, 'captchaMissing');
}
