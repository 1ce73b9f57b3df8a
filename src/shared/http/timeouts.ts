// Slow and stuck clients: Node's own timeouts for the connection, the headers and the whole request, and a
// minimum rate for request bodies, so that a client sending one byte a second (or announcing more bytes than
// it sends) cannot hold a connection, a parser and an upload's temporary file for ever. doc/operations.md says
// what the reverse proxy adds in front of this.
import { Socket } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/** A socket without any traffic in either direction for this long is closed (the display stream sends a
 *  keep-alive every 15 s, so it stays). */
const CONNECTION_IDLE_MS = 60_000;
/** All request headers within this time (slowloris on headers). */
const HEADERS_TIMEOUT_MS = 20_000;

/** Options for Fastify(): the request and idle timeouts that Fastify leaves off by default. */
export function serverTimeouts(config: Pick<Config, 'http'>): Pick<FastifyServerOptions, 'connectionTimeout' | 'requestTimeout' | 'keepAliveTimeout'> {
  return {
    connectionTimeout: CONNECTION_IDLE_MS,
    requestTimeout: config.http.requestTimeoutMs,
    // Longer than the usual 60 s idle timeout of load balancers, so they never reuse a connection we just closed.
    keepAliveTimeout: 72_000,
  };
}

const slowResponse = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 34\r\n\r\nThe request body arrived too slowly';

/**
 * Measures each request body while it arrives: in every window of `rateWindowMs` at least
 * `minBytesPerSecond × window` bytes must come in, or the client gets 408 and the connection is closed.
 * The socket's byte counter is read, not its data: a 'data' listener would take the body from the parsers.
 */
export function registerMinimumBodyRate(app: FastifyInstance, config: Pick<Config, 'http'>): void {
  app.server.headersTimeout = HEADERS_TIMEOUT_MS;
  const { minBytesPerSecond, rateWindowMs } = config.http;
  const minBytesPerWindow = Math.ceil((minBytesPerSecond * rateWindowMs) / 1000);
  app.addHook('onRequest', async (request, reply) => {
    const raw = request.raw;
    const hasBody = raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length'] ?? 0) > 0;
    if (!hasBody || raw.complete) return;
    const socket = raw.socket;
    // Injected requests (app.inject) have a stand-in socket without a byte counter: there is no client to be slow.
    if (!(socket instanceof Socket)) return;
    let seen = socket.bytesRead;
    const timer = setInterval(() => {
      if (raw.complete || socket.destroyed) return clearInterval(timer);
      const now = socket.bytesRead;
      if (now - seen >= minBytesPerWindow) {
        seen = now;
        return;
      }
      clearInterval(timer);
      request.log.info({ receivedBytes: now - seen, windowMs: rateWindowMs }, 'request body too slow: connection closed');
      // The handler may still be waiting for the body; it then fails on the destroyed socket, and nothing is
      // answered twice because the answer goes out here, before any headers of its own.
      if (reply.raw.headersSent) socket.destroy();
      else socket.write(slowResponse, () => socket.destroy());
    }, rateWindowMs);
    timer.unref();
    raw.once('end', () => clearInterval(timer));
    raw.once('close', () => clearInterval(timer));
  });
}
