// The one rule for personal tokens in the Authorization header (manage, receipt, draft and status tokens of the
// JSON API): `Bearer <token>`, the token exactly as we hand it out. Anything else counts as no token (401).
import type { FastifyRequest } from 'fastify';
import { TOKEN_PATTERN } from '../crypto.js';
import { UnauthorizedError } from './errors.js';

const BEARER = /^Bearer +(\S+) *$/i;

/** Whatever follows `Authorization: Bearer `, or undefined when the header is missing or of another scheme. */
export function bearerCredential(request: FastifyRequest): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}

/** The token of `Authorization: Bearer <token>`, or undefined when the header is missing or malformed. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const token = bearerCredential(request);
  return token !== undefined && TOKEN_PATTERN.test(token) ? token : undefined;
}

/** The bearer token, or 401 (problem+json) with the given message key. */
export function expectBearer(request: FastifyRequest, key = 'common:errors.bearerMissing'): string {
  const token = bearerToken(request);
  if (token === undefined) throw new UnauthorizedError(key);
  return token;
}

/** preHandler for operations with `access: 'bearer'`: refuses requests without a well-formed token (401). */
export function requireBearer(key?: string) {
  return async function bearerGuard(request: FastifyRequest) {
    expectBearer(request, key);
  };
}
