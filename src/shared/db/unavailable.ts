// Tells "the database cannot be reached right now" apart from a bug, so that a request fails with 503 and
// Retry-After (try again shortly) instead of 500 (something is wrong with this request).

/** SQLSTATE classes and codes that mean the server or the connection is gone, not that the statement is wrong. */
const unavailableCodes = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a restart
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '57014', // query_canceled: the statement timeout
  '53300', // too_many_connections
]);
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres' own messages (it gives these errors no code).
const pgMessages = [
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/** True when `err` (or an error it wraps, such as drizzle's DrizzleQueryError) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08') || networkCodes.has(code))) return true;
    if (pgMessages.some((m) => e instanceof Error && e.message.includes(m))) return true;
  }
  return false;
}
