import pino, { type Logger } from 'pino';

// Field names that may hold personal data anywhere in a log object (doc/security.md §7).
const personalFields = [
  'email', 'name', 'firstName', 'lastName', 'phone', 'birthDate', 'address', 'iban', 'bgNummer',
  'password', 'token', 'totp', 'code', 'secret',
];

const redact = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...personalFields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

/** Long random path segments are tokens; the query string may carry anything: neither is logged. */
export function redactUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/\/[A-Za-z0-9_-]{20,}(?=\/|$)/g, '/[token]');
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redact, censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    destination,
  );
}
