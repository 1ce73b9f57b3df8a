import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './testing/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('tenant shell', () => {
  it('lists the tenants on / when there are several', async () => {
    const res = await ctx.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Neue Wege Kreis Bergstraße – Kommunales Jobcenter');
    expect(res.body).toContain('href="/t/muster-kreis"');
  });

  it('renders the start page of the demo tenant in German with landmarks and footer links', async () => {
    const res = await ctx.app.inject('/t/neue-wege');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/^<!doctype html><html lang="de" dir="ltr">/);
    expect(res.body).toContain('Zum Inhalt springen');
    expect(res.body).toContain('<main id="main"');
    expect(res.body).toContain('Walther-Rathenau-Straße 2');
    expect(res.body).toContain('06252 15-6500');
    for (const slug of ['kontakt', 'impressum', 'datenschutz', 'barrierefreiheit', 'leichte-sprache']) {
      expect(res.body).toContain(`href="/t/neue-wege/${slug}"`);
    }
  });

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const res = await ctx.app.inject('/t/neue-wege?lang=en');
    expect(res.body).toMatch(/<html lang="en" dir="ltr">/);
    expect(res.body).toContain('Skip to content');
    const cookie = res.cookies.find((c) => c.name === 'lang');
    expect(cookie?.value).toBe('en');
    const next = await ctx.app.inject({ url: '/t/neue-wege/kontakt', cookies: { lang: 'en' } });
    expect(next.body).toContain('<h1 class="kern-heading-large">Contact</h1>');
  });

  it('follows Accept-Language when nothing was chosen, and ignores unknown languages', async () => {
    const en = await ctx.app.inject({ url: '/t/neue-wege', headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' } });
    expect(en.body).toMatch(/<html lang="en"/);
    const fr = await ctx.app.inject({ url: '/t/neue-wege?lang=xx', headers: { 'accept-language': 'fr' } });
    expect(fr.body).toMatch(/<html lang="de"/);
  });

  it('shows each information page with the tenant data filled in', async () => {
    for (const [slug, text] of [
      ['impressum', 'Walther-Rathenau-Straße 2'],
      ['datenschutz', 'info@neue-wege.org'],
      ['barrierefreiheit', 'WCAG 2.2'],
      ['leichte-sprache', 'Wir helfen Menschen ohne Arbeit.'],
      ['kontakt', '06252 15-6060'],
    ] as const) {
      const res = await ctx.app.inject(`/t/neue-wege/${slug}`);
      expect(res.statusCode, slug).toBe(200);
      expect(res.body, slug).toContain(text);
    }
  });

  it('keeps tenants apart: the second tenant shows its own name only', async () => {
    const res = await ctx.app.inject('/t/muster-kreis');
    expect(res.body).toContain('Kommunales Jobcenter Musterkreis');
    expect(res.body).not.toContain('Neue Wege');
  });

  it('answers an unknown tenant and an unknown page with a translated 404 page', async () => {
    const res = await ctx.app.inject('/t/gibt-es-nicht');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Seite nicht gefunden');
    const en = await ctx.app.inject({ url: '/t/neue-wege/nope', cookies: { lang: 'en' } });
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('Page not found');
  });
});

describe('security baseline', () => {
  it('sends a strict CSP and the other security headers', async () => {
    const res = await ctx.app.inject('/t/neue-wege');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    // PUBLIC_URL is http in tests: no HSTS
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('publishes security.txt', async () => {
    const res = await ctx.app.inject('/.well-known/security.txt');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^Contact: mailto:/m);
    expect(res.body).toMatch(/^Expires: \d{4}-/m);
  });

  it('answers API errors as problem+json', async () => {
    const res = await ctx.app.inject('/api/v1/t/neue-wege/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, title: 'Seite nicht gefunden' });
  });

  it('refuses a body that is too large with 413', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/t/neue-wege/nothing-here',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ x: 'a'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().title).toBe('Zu groß');
  });
});

describe('health and API description', () => {
  it('is live and ready with current migrations', async () => {
    expect((await ctx.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ok');
  });

  it('serves OpenAPI 3.1 and the docs page', async () => {
    const spec = (await ctx.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      for (const op of Object.values(item as Record<string, { operationId?: string }>)) {
        expect(op.operationId, path).toBeTruthy();
      }
    }
    const docs = await ctx.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
  });
});
