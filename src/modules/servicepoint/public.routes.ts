// Pages without login: the waiting-room display (with its event stream) and the self check-in kiosk.
// Both are scoped to tenant and location and show waiting numbers only, never personal data.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { NotFoundError, TooManyRequestsError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { requireLocation, selfCheckIn, type DeskContext } from './desk.service.js';
import { createDisplayFeed, createStreamCounter } from './display.feed.js';
import { displayState, type DisplayState } from './display.service.js';
import { ticketLabel } from './queue.js';
import { kioskForm } from './servicepoint.schemas.js';
import { DisplayPage, KioskPage } from './views/Public.js';
import { berlinDate } from '#shared/time.js';
import { formField } from '#shared/http/validation.js';
import { hitRateLimits, type RateLimit } from '#shared/ratelimit/index.js';

type Loc = { Params: { loc: string } };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The screens of a location share one poll of the database (display.feed.ts), also on PGlite. */
export const POLL_MS = 500;
/** Open display streams per client address (ADR 0122). */
export const STREAMS_PER_ADDRESS = 10;
const STREAM_RETRY_SECONDS = 30;
const KEEPALIVE_TICKS = 30;
/** Kiosk check-ins per 10 minutes: per device address (guessing codes) and per place (a flood from many). */
const kioskLimits = {
  perIp: { name: 'kiosk:ip', max: 10, windowMs: 10 * 60_000 },
  perLocation: { name: 'kiosk:loc', max: 120, windowMs: 10 * 60_000 },
} as const satisfies Record<string, RateLimit>;

export async function publicRoutes(app: FastifyInstance, deps: AppDeps) {
  const ctx = (request: FastifyRequest): DeskContext => ({ tdb: request.tdb, tenant: request.tenant, deps });
  const streams = new Set<() => void>();
  const feed = createDisplayFeed<DisplayState>(POLL_MS, (err) => deps.logger.warn({ cause: err instanceof Error ? err.message : String(err) }, 'servicepoint display poll failed'));
  const streamsPerAddress = createStreamCounter(STREAMS_PER_ADDRESS);
  app.addHook('preClose', async () => {
    for (const stop of streams) stop();
    feed.close();
  });
  app.addHook('preHandler', async (request) => {
    const loc = formField(request.params, 'loc');
    if (loc !== undefined && !uuid.test(loc)) throw new NotFoundError();
  });

  app.get<Loc>('/servicepoint/anzeige/:loc', async (request, reply) => {
    const location = await requireLocation(ctx(request), request.params.loc);
    const state = await displayState(request.tdb, location.id, berlinDate(deps.clock.now()));
    return reply.render(h(DisplayPage, { locationName: location.name, ...state, eventsUrl: `/t/${request.tenant.slug}/servicepoint/anzeige/${location.id}/events` }));
  });

  app.get<Loc>('/servicepoint/anzeige/:loc/events', async (request, reply) => {
    const location = await requireLocation(ctx(request), request.params.loc);
    if (!streamsPerAddress.tryOpen(request.ip)) throw new TooManyRequestsError(STREAM_RETRY_SECONDS);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 2000\n\n');
    let last = '';
    let idle = 0;
    let stopped = false;
    const tdb = request.tdb;
    // The screen's content as the client script renders it: numbers, and labels in this screen's language.
    const unsubscribe = feed.subscribe(
      `${tdb.tenantId}:${location.id}`,
      () => displayState(tdb, location.id, berlinDate(deps.clock.now())),
      (state) => {
        const json = JSON.stringify({
          calls: state.calls.map((c) => ({ number: ticketLabel(c.ticket), counter: c.counter ?? '', at: c.calledAt?.toISOString() ?? '' })),
          waiting: request.t('servicepoint:display.waiting', { count: state.waiting }),
        });
        if (json !== last) {
          last = json;
          idle = 0;
          res.write(`event: state\ndata: ${json}\n\n`);
        } else if (++idle >= KEEPALIVE_TICKS) {
          idle = 0;
          res.write(': keep-alive\n\n');
        }
      },
    );
    const stop = () => {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      streamsPerAddress.closed(request.ip);
      streams.delete(stop);
      res.end();
    };
    streams.add(stop);
    request.raw.on('close', stop);
  });

  const kiosk = async (request: FastifyRequest<Loc>) => requireLocation(ctx(request), request.params.loc);

  app.get<Loc>('/servicepoint/kiosk/:loc', async (request, reply) => {
    const location = await kiosk(request);
    return reply.render(h(KioskPage, { locationName: location.name }));
  });

  app.post<Loc>('/servicepoint/kiosk/:loc', async (request, reply) => {
    const location = await kiosk(request);
    await hitRateLimits(request.tdb, deps, [
      { limit: kioskLimits.perIp, subject: request.ip },
      { limit: kioskLimits.perLocation, subject: location.id },
    ]);
    const { code } = kioskForm.parse(request.body ?? {});
    const visit = await selfCheckIn(ctx(request), location.id, code);
    if (!visit) return reply.status(422).render(h(KioskPage, { locationName: location.name, value: code, errors: [{ field: 'code', message: 'servicepoint:kiosk.unknownCode' }] }));
    return reply.render(h(KioskPage, { locationName: location.name, ticket: visit.ticket }));
  });
}
