// A small ClamAV client: INSTREAM over TCP or a Unix socket, with connect and idle timeouts, and PING.
import { createConnection, type Socket } from 'node:net';
import type { Readable } from 'node:stream';

export type ClamdAddress = { host: string; port: number } | { socketPath: string };

export interface ClamdOptions {
  /** Time to establish the connection; past it the scanner counts as unavailable. */
  connectTimeoutMs?: number;
  /** Longest silence on an open connection (while sending, or waiting for the verdict). */
  idleTimeoutMs?: number;
  /** Payload size of one INSTREAM chunk. */
  chunkSize?: number;
}

export type ScanResult =
  | { status: 'clean' }
  | { status: 'infected'; signature: string }
  | { status: 'error'; message: string };

/**
 * clamd cannot be reached. Callers keep the file in quarantine and tell the person it will be
 * checked later (fail closed, never lose the file).
 */
export class ScannerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScannerUnavailableError';
  }
}

export interface ClamdClient {
  /** Resolves when clamd answers PONG; throws ScannerUnavailableError otherwise. */
  ping(): Promise<void>;
  /**
   * Streams the content to clamd (INSTREAM). 'error' (size limit, timeout, protocol) must be
   * treated like an unavailable scanner: quarantine, never accept.
   */
  scanStream(source: Readable): Promise<ScanResult>;
}

/** Bytes gathered before they are written to clamd in one system call. */
const batchBytes = 1024 * 1024;
/** Longest time a started batch waits for more bytes before it is sent anyway. */
const holdMs = 200;

export function createClamdClient(address: ClamdAddress, options: ClamdOptions = {}): ClamdClient {
  const connectTimeoutMs = options.connectTimeoutMs ?? 2_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const chunkSize = options.chunkSize ?? 64 * 1024;

  return {
    async ping() {
      const connection = await connect(address, connectTimeoutMs);
      try {
        connection.socket.write('zPING\0');
        const reply = await withIdleTimeout(connection, idleTimeoutMs, connection.reply);
        if (reply !== 'PONG') throw new ScannerUnavailableError(`unexpected answer to PING: ${reply}`);
      } catch (error) {
        throw error instanceof ScannerUnavailableError
          ? error
          : new ScannerUnavailableError('clamd did not answer PING', { cause: error });
      } finally {
        connection.socket.destroy();
      }
    },

    async scanStream(source) {
      const connection = await connect(address, connectTimeoutMs);
      const { socket } = connection;
      const verdict = withIdleTimeout(connection, idleTimeoutMs, connection.reply).then(parseScanReply, (error: Error) => ({
        status: 'error' as const,
        message: describeFailure(error),
      }));
      let answered = false;
      void verdict.then(() => (answered = true));
      let hold: NodeJS.Timeout | undefined;
      try {
        socket.write('zINSTREAM\0');
        // The chunks go out in batches of up to a megabyte, one system call (writev) each instead of one per 64 KB
        // piece; clamd then wakes up once per batch too (ADR 0381). A batch waits at most `holdMs` for its next
        // chunk, so a slow sender still feeds clamd steadily (clamd drops a connection silent for ReadTimeout).
        let corked = 0;
        const flush = () => {
          clearTimeout(hold);
          if (corked > 0) socket.uncork();
          corked = 0;
        };
        for await (const chunk of source as AsyncIterable<Buffer | string>) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          for (let at = 0; at < bytes.length && !answered; at += chunkSize) {
            const part = bytes.subarray(at, at + chunkSize);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(part.length);
            if (corked === 0) {
              socket.cork();
              hold = setTimeout(flush, holdMs);
            }
            socket.write(length);
            socket.write(part);
            corked += part.length;
            if (corked < batchBytes) continue;
            flush();
            // clamd answers early (and closes) when the stream exceeds StreamMaxLength.
            if (socket.writableNeedDrain) await Promise.race([drained(socket), verdict]);
          }
          if (answered) break;
        }
        flush();
        if (!answered) socket.write(Buffer.alloc(4));
        return await verdict;
      } finally {
        clearTimeout(hold);
        socket.destroy();
      }
    },
  };
}

interface Connection {
  socket: Socket;
  /** Text up to the NUL terminator (z-commands), or up to the end of the connection. */
  reply: Promise<string>;
}

function connect(address: ClamdAddress, timeoutMs: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = 'socketPath' in address ? createConnection({ path: address.socketPath }) : createConnection(address);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ScannerUnavailableError(`clamd: no connection within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (cause) => {
      clearTimeout(timer);
      reject(new ScannerUnavailableError('clamd is not reachable', { cause }));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({ socket, reply: readReply(socket) });
    });
  });
}

function readReply(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const text = () => Buffer.concat(chunks).toString('utf8').replace(/\0[\s\S]*$/, '').trim();
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (chunk.includes(0)) resolve(text());
    });
    socket.on('end', () => resolve(text()));
    socket.on('close', () => (chunks.length > 0 ? resolve(text()) : reject(new Error('clamd closed the connection without an answer'))));
    // After an early answer clamd closes its side; writes still in flight then fail harmlessly.
    socket.on('error', (error) => (chunks.length > 0 ? resolve(text()) : reject(error)));
  });
}

function withIdleTimeout(connection: Connection, timeoutMs: number, promise: Promise<string>): Promise<string> {
  return new Promise((resolve, reject) => {
    connection.socket.setTimeout(timeoutMs, () => {
      connection.socket.destroy();
      reject(new Error(`clamd: no answer within ${timeoutMs} ms`));
    });
    promise.then(resolve, reject);
  });
}

function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

// When clamd gives up early (StreamMaxLength) it closes while we still send; the broken pipe can
// then arrive before its "size limit exceeded" answer, which the kernel discards with the socket.
function describeFailure(error: NodeJS.ErrnoException): string {
  if (error.code === 'EPIPE' || error.code === 'ECONNRESET') {
    return 'clamd closed the connection during the transfer (StreamMaxLength exceeded, or clamd stopped)';
  }
  return error.message;
}

/** "stream: OK", "stream: <signature> FOUND", "<message> ERROR". */
export function parseScanReply(reply: string): ScanResult {
  const found = /^(?:stream|\S+): (.+) FOUND$/.exec(reply);
  if (found) return { status: 'infected', signature: found[1]! };
  if (/^(?:stream|\S+): OK$/.test(reply)) return { status: 'clean' };
  return { status: 'error', message: reply === '' ? 'empty answer from clamd' : reply };
}
