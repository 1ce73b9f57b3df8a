// Private by default: walks every staff page a person with all roles can reach by following links, and the
// bearer-token API answers, and checks that none of them may be stored by a browser or a proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { createTestLocation, liftLimits } from '../../modules/termine/testing.js';
import { loginAs } from '../../modules/staff/testing.js';
import { roles } from '../../modules/staff/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
});
afterAll(async () => ctx?.close());

const api = '/api/v1/t/neue-wege';

describe('Cache-Control: no-store on personal responses', () => {
  it('is set on every staff page reachable by links (day view, inboxes, admin, audit …)', async () => {
    const staff = await loginAs(ctx, [...roles]);
    const start = '/t/neue-wege/staff';
    const seen = new Set<string>([start]);
    const queue = [start];
    const missing: string[] = [];
    while (queue.length > 0 && seen.size < 150) {
      const url = queue.shift()!;
      const res = await ctx.app.inject({ method: 'GET', url, cookies: staff.cookies });
      if (res.statusCode >= 300 && res.statusCode < 400) continue;
      if (res.headers['cache-control'] !== 'no-store') missing.push(`${url} ${res.statusCode} ${String(res.headers['cache-control'])}`);
      if (!String(res.headers['content-type']).startsWith('text/html')) continue;
      for (const [, href] of res.body.matchAll(/href="(\/t\/neue-wege\/staff[^"#]*)"/g)) {
        const link = href!.replaceAll('&amp;', '&');
        if (link.includes('/logout') || seen.has(link)) continue;
        seen.add(link);
        queue.push(link);
      }
    }
    expect(seen.size).toBeGreaterThan(15);
    for (const path of ['/staff/servicepoint', '/staff/audit', '/staff/admin']) expect([...seen].some((u) => u.includes(path)), path).toBe(true);
    expect(missing).toEqual([]);
  }, 180_000);

  it('is set on getApplication, getAppointment and error answers; static assets keep their own caching', async () => {
    const draft = (await ctx.app.inject({ method: 'POST', url: `${api}/applications`, payload: {} })).json() as { id: string; draftToken: string };
    const application = await ctx.app.inject({ method: 'GET', url: `${api}/applications/${draft.id}`, headers: { authorization: `Bearer ${draft.draftToken}` } });
    expect(application.statusCode).toBe(200);
    expect(application.headers['cache-control']).toBe('no-store');

    await liftLimits(ctx.deps, ctx.tenant);
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 2 });
    const booked = await ctx.app.inject({
      method: 'POST',
      url: `${api}/appointments`,
      payload: { location: place.locationId, service: [place.serviceId], startsAt: '2026-11-26T09:00:00+01:00', name: 'Erika Muster', email: 'erika@example.org' },
    });
    expect(booked.statusCode).toBe(201);
    const { id, manageToken } = booked.json() as { id: string; manageToken: string };
    const appointment = await ctx.app.inject({ method: 'GET', url: `${api}/appointments/${id}`, headers: { authorization: `Bearer ${manageToken}` } });
    expect(appointment.statusCode).toBe(200);
    expect(appointment.headers['cache-control']).toBe('no-store');

    const refused = await ctx.app.inject({ method: 'GET', url: `${api}/appointments/${id}`, headers: { authorization: 'Bearer wrong' } });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.headers['cache-control']).toBe('no-store');

    const css = await ctx.app.inject({ method: 'GET', url: '/assets/kern/kern.min.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toMatch(/max-age/);
  });
});
