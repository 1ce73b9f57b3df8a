// The process's pino logger: personal fields redacted, URLs without query or tokens, errors without query values.
import pino, { type Logger } from 'pino';

// Field names that may hold personal data anywhere in a log object (doc/security.md §7).
const personalFields = [
  'email', 'name', 'firstName', 'lastName', 'givenName', 'familyName', 'displayName', 'phone', 'birthDate', 'address',
  'postalCode', 'iban', 'bgNummer', 'fileName', 'originalName',
  'password', 'token', 'totp', 'totpCode', 'code', 'secret', 'csrfToken',
  // The self-service tokens and codes by the names the modules give them.
  'manageToken', 'holdToken', 'draftToken', 'formToken', 'statusToken', 'receiptToken', 'heldToken', 'bookingCode',
  'requestCode', 'accessCode',
];

const redact = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...personalFields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

/**
 * What a path segment may carry that points to a person: reference numbers a person reads out on the phone
 * ("UN-2026-7K3M9Q", "MA-7K3M9QXA", "EA-2026-7K3M-Q9XD": two letters, a hyphen, then digits and letters with at least
 * one digit) and BG-Nummern ("12345BG0012345"), in any case.
 */
const personalSegments = /\/(?:[A-Za-z]{2}-(?=[0-9A-Za-z-]*\d)[0-9A-Za-z-]{6,}|\d{5}BG\d{7})(?=\/|$)/gi;

/**
 * Long random path segments are tokens, reference numbers and BG-Nummern point to a person, and the query string
 * may carry anything: none of them is logged.
 */
export function redactUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/\/[A-Za-z0-9_-]{20,}(?=\/|$)/g, '/[token]').replace(personalSegments, '/[reference]');
}

const MAX_CAUSES = 5;
/** What names the failing part of the schema; never the statement, its parameters, the message or the detail. */
const databaseFields = ['severity', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType'] as const;

/**
 * A database error's message, detail and statement carry the values of the query ("params: Erika, erika@…",
 * "Key (email)=(…) already exists", "invalid input syntax for type uuid: \"…\""), so they are left out.
 */
function isDatabaseError(err: Error): boolean {
  const e = err as unknown as Record<string, unknown>;
  return 'query' in e || 'params' in e || (typeof e.severity === 'string' && typeof e.code === 'string');
}

/** Only the call frames of a stack: its first line repeats the message. */
function frames(stack: string | undefined): string | undefined {
  return stack?.split('\n').filter((line) => line.startsWith('    at ')).join('\n');
}

/** The `err` serializer: type, code and stack of an error and its causes, without personal data from the database. */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return err === undefined || err === null ? err : { type: typeof err };
  const e = err as Error & Record<string, unknown>;
  const cause = depth < MAX_CAUSES && e.cause !== undefined ? serializeError(e.cause, depth + 1) : undefined;
  if (isDatabaseError(err)) {
    const out: Record<string, unknown> = { type: err.constructor.name, stack: frames(err.stack) };
    // `code` is a redacted field name (TOTP codes), so the SQLSTATE travels as `sqlState`.
    if (typeof e.code === 'string') out.sqlState = e.code;
    for (const field of databaseFields) if (typeof e[field] === 'string') out[field] = e[field];
    if (cause !== undefined) out.cause = cause;
    return out;
  }
  const out: Record<string, unknown> = { type: err.constructor.name, message: err.message, stack: err.stack };
  if (typeof e.code === 'string') out.errorCode = e.code;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (cause !== undefined) out.cause = cause;
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redact, censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    },
    destination,
  );
}
