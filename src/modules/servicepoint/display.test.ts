// The waiting-room display stream: screens of one location share one database poll, every screen sees a
// change, and one client address cannot open more than a few screens; staff desks are counted per session.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { createDisplayFeed } from './display.feed.js';
import { STREAMS_PER_SESSION } from './desk.routes.js';
import { STREAMS_PER_ADDRESS } from './public.routes.js';
import { deskLocations } from './termine.adapter.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('display feed', () => {
  it('polls once per interval and location however many screens listen, and stops with the last one', async () => {
    const polls = new Map<string, number>();
    const feed = createDisplayFeed<number>(50, () => undefined);
    const load = (key: string) => async () => {
      polls.set(key, (polls.get(key) ?? 0) + 1);
      return polls.get(key)!;
    };
    const seen: number[][] = [];
    const unsubscribe = ['a', 'b'].flatMap((key) =>
      Array.from({ length: 100 }, () => {
        const states: number[] = [];
        seen.push(states);
        return feed.subscribe(key, load(key), (state) => states.push(state));
      }),
    );
    await sleep(520);
    // About ten intervals: ten polls per location, not a thousand.
    for (const key of ['a', 'b']) {
      expect(polls.get(key)).toBeGreaterThanOrEqual(5);
      expect(polls.get(key)).toBeLessThanOrEqual(12);
    }
    for (const states of seen) expect(states.length).toBeGreaterThanOrEqual(5);
    expect(feed.size()).toBe(2);
    for (const stop of unsubscribe) stop();
    expect(feed.size()).toBe(0);
    const after = { ...Object.fromEntries(polls) };
    await sleep(200);
    expect(Object.fromEntries(polls)).toEqual(after);
  });
});

describe('display stream over HTTP', () => {
  let ctx: TestContext;
  let baseUrl: string;
  let locationId: string;
  let desk: LoggedIn;

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
    const tdb = new TenantDb(ctx.deps.database.db, ctx.tenant.id);
    locationId = (await deskLocations({ tdb, tenant: ctx.tenant, deps: ctx.deps }))[0]!.id;
    desk = await loginAs(ctx, ['servicepoint']);
  });
  afterAll(async () => ctx?.close());

  /** Opens a stream and collects its text until `close` is called. */
  async function openStream(path = `/t/neue-wege/servicepoint/anzeige/${locationId}/events`, cookies: Record<string, string> = {}) {
    const controller = new AbortController();
    const cookie = Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${baseUrl}${path}`, { signal: controller.signal, redirect: 'manual', headers: cookie ? { cookie } : {} });
    let text = '';
    if (response.status === 200) {
      const reader = response.body!.getReader();
      void (async () => {
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
          if (chunk.done) return;
          text += Buffer.from(chunk.value!).toString('utf8');
        }
      })();
    }
    return { status: response.status, text: () => text, close: () => controller.abort() };
  }

  it('shows a called number on every open screen and refuses more streams than allowed from one address', async () => {
    const screens = await Promise.all(Array.from({ length: STREAMS_PER_ADDRESS }, () => openStream()));
    expect(screens.map((s) => s.status)).toEqual(screens.map(() => 200));
    const refused = await openStream();
    expect(refused.status).toBe(429);

    await sleep(700);
    for (const screen of screens) expect(screen.text()).toContain('event: state');

    const base = `/t/neue-wege/staff/servicepoint/${locationId}`;
    const walkIn = await ctx.app.inject({ method: 'POST', url: `${base}/spontan`, cookies: desk.cookies, payload: { serviceId: '', _csrf: desk.csrfToken } });
    expect(walkIn.statusCode).toBe(303);
    const called = await ctx.app.inject({ method: 'POST', url: `${base}/aufruf`, cookies: desk.cookies, payload: { counter: '7', _csrf: desk.csrfToken } });
    const ticket = Number(/ticket=(\d+)/.exec(String(called.headers.location))![1]);
    await sleep(1_200);
    for (const screen of screens) expect(screen.text()).toContain(`"number":"${String(ticket).padStart(3, '0')}","counter":"7"`);

    // A closed screen frees its place.
    screens[0]!.close();
    await sleep(200);
    const again = await openStream();
    expect(again.status).toBe(200);
    again.close();
    for (const screen of screens.slice(1)) screen.close();
  });

  it("does not count a desk's live list against the screens of its address: desks are limited per staff session", async () => {
    await sleep(500); // the screens of the test before are closed on the server by now
    const screens = await Promise.all(Array.from({ length: STREAMS_PER_ADDRESS }, () => openStream()));
    expect((await openStream()).status).toBe(429);
    // Same address, all screen places taken: the desks of this office still get their live list.
    const deskPath = `/t/neue-wege/staff/servicepoint/${locationId}/events`;
    const tabs = [];
    for (let i = 0; i < STREAMS_PER_SESSION; i++) tabs.push(await openStream(deskPath, desk.cookies));
    expect(tabs.map((t) => t.status)).toEqual(tabs.map(() => 200));
    expect((await openStream(deskPath, desk.cookies)).status).toBe(429);
    const colleague = await loginAs(ctx, ['servicepoint']);
    const other = await openStream(deskPath, colleague.cookies);
    expect(other.status).toBe(200);
    await sleep(700);
    expect(tabs[0]!.text()).toContain('event: state');
    // Without login there is no desk stream.
    expect((await openStream(deskPath)).status).not.toBe(200);
    for (const stream of [...screens, ...tabs, other]) stream.close();
  });
});
