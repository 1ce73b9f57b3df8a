import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security.js';

describe('security headers', () => {
  it('adds HSTS and upgrade-insecure-requests only when the public address is https', () => {
    const https = Object.fromEntries(securityHeaders({ publicUrl: 'https://termine.example.org' }));
    expect(https['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(https['content-security-policy']).toMatch(/;upgrade-insecure-requests$/);
    const http = Object.fromEntries(securityHeaders({ publicUrl: 'http://localhost:3000' }));
    expect(http['strict-transport-security']).toBeUndefined();
    expect(http['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(http['x-frame-options']).toBe('DENY');
  });
});
