// Pages without login: the waiting-room display (with its event stream, display.stream.ts) and the self check-in kiosk.
// Both are scoped to tenant and location and show waiting numbers only, never personal data.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { NotFoundError, TooManyRequestsError } from '#shared/http/errors.js';
import { isUuid } from '#shared/ids.js';
import type { AppDeps } from '#shared/module.js';
import { requireLocation, selfCheckIn, type DeskContext } from './desk.service.js';
import { createStreamCounter } from './display.feed.js';
import { displayState } from './display.service.js';
import type { DisplayStreams } from './display.stream.js';
import { kioskForm } from './servicepoint.schemas.js';
import { DisplayPage, KioskPage } from './views/Public.js';
import { berlinDate } from '#shared/time.js';
import { formField } from '#shared/http/validation.js';
import { hitRateLimits, type RateLimit } from '#shared/ratelimit/index.js';

type Loc = { Params: { loc: string } };
/** Open waiting-room screen streams per client address (ADR 0122); staff desks are counted per session (ADR 0306). */
export const STREAMS_PER_ADDRESS = 10;
const STREAM_RETRY_SECONDS = 30;
/** Kiosk check-ins per 10 minutes: per device address (guessing codes) and per place (a flood from many). */
const kioskLimits = {
  perIp: { name: 'kiosk:ip', max: 10, windowMs: 10 * 60_000 },
  perLocation: { name: 'kiosk:loc', max: 120, windowMs: 10 * 60_000 },
} as const satisfies Record<string, RateLimit>;

export async function registerPublicRoutes(app: FastifyInstance, deps: AppDeps, streams: DisplayStreams) {
  const ctx = (request: FastifyRequest): DeskContext => ({ tdb: request.tdb, tenant: request.tenant, deps });
  const streamsPerAddress = createStreamCounter(STREAMS_PER_ADDRESS);
  app.addHook('preHandler', async (request) => {
    const loc = formField(request.params, 'loc');
    if (loc !== undefined && !isUuid(loc)) throw new NotFoundError();
  });

  app.get<Loc>('/servicepoint/anzeige/:loc', async (request, reply) => {
    const location = await requireLocation(ctx(request), request.params.loc);
    const state = await displayState(request.tdb, location.id, berlinDate(deps.clock.now()));
    return reply.render(h(DisplayPage, { locationName: location.name, ...state, eventsUrl: `/t/${request.tenant.slug}/servicepoint/anzeige/${location.id}/events` }));
  });

  app.get<Loc>('/servicepoint/anzeige/:loc/events', async (request, reply) => {
    const location = await requireLocation(ctx(request), request.params.loc);
    if (!streamsPerAddress.tryOpen(request.ip)) throw new TooManyRequestsError(STREAM_RETRY_SECONDS);
    streams.open(request, reply, location.id, () => streamsPerAddress.closed(request.ip));
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
