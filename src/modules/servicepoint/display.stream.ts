// The event stream of a location's display state (numbers, counters, the waiting count; never names), written as
// server-sent events. One feed (display.feed.ts) serves every open stream of the app: the waiting-room screens
// (public, limited per address) and the staff desks (behind login, limited per session; ADR 0306).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '#shared/module.js';
import { berlinDate } from '#shared/time.js';
import { createDisplayFeed } from './display.feed.js';
import { displayState, type DisplayState } from './display.service.js';
import { ticketLabel } from './queue.js';

/** The screens of a location share one poll of the database (display.feed.ts), also on PGlite. */
export const POLL_MS = 500;
const KEEPALIVE_TICKS = 30;

export function createDisplayStreams(deps: AppDeps) {
  const streams = new Set<() => void>();
  const feed = createDisplayFeed<DisplayState>(POLL_MS, (err) => deps.logger.warn({ cause: err instanceof Error ? err.message : String(err) }, 'servicepoint display poll failed'));

  /** Streams the state of `locationId` until the client leaves; `release` runs once then (the stream's limit). */
  function open(request: FastifyRequest, reply: FastifyReply, locationId: string, release: () => void): void {
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
      `${tdb.tenantId}:${locationId}`,
      () => displayState(tdb, locationId, berlinDate(deps.clock.now())),
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
      release();
      streams.delete(stop);
      res.end();
    };
    streams.add(stop);
    request.raw.on('close', stop);
  }

  /** Ends every open stream and poll (on server close). */
  function close(): void {
    for (const stop of streams) stop();
    feed.close();
  }

  return { open, close };
}

export type DisplayStreams = ReturnType<typeof createDisplayStreams>;
