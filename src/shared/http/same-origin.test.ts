// The same-origin check: a POST from another site is refused (403); our own site, the address the request came to,
// and requests without Origin/Sec-Fetch-Site headers pass.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { assertSameOrigin, requireSameOrigin } from './same-origin.js';

const deps = { config: { publicUrl: 'https://wegweiser.example.de/' } };
const request = (headers: Record<string, string>) => ({ headers: { host: 'localhost:3000', ...headers }, protocol: 'http' }) as unknown as FastifyRequest;
const refused = (headers: Record<string, string>) => {
  try {
    assertSameOrigin(request(headers), deps);
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.status : 'other';
  }
};

describe('assertSameOrigin', () => {
  it('lets our own origins and header-less requests through', () => {
    expect(refused({ origin: 'https://wegweiser.example.de' })).toBeUndefined();
    expect(refused({ origin: 'http://localhost:3000' })).toBeUndefined();
    expect(refused({ 'sec-fetch-site': 'same-origin' })).toBeUndefined();
    expect(refused({})).toBeUndefined();
    expect(refused({ origin: 'null' })).toBeUndefined();
  });

  it('refuses another site with 403', () => {
    expect(refused({ origin: 'https://evil.example' })).toBe(403);
    expect(refused({ origin: 'https://wegweiser.example.de.evil.example' })).toBe(403);
    expect(refused({ 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(refused({ 'sec-fetch-site': 'cross-site', origin: 'https://wegweiser.example.de' })).toBe(403);
  });

  it('is available as a preHandler', async () => {
    const handler = requireSameOrigin(deps);
    await expect(handler.call(undefined as never, request({ origin: 'http://localhost:3000' }), undefined as never)).resolves.toBeUndefined();
    await expect(handler.call(undefined as never, request({ origin: 'https://evil.example' }), undefined as never)).rejects.toBeInstanceOf(DomainError);
  });
});
