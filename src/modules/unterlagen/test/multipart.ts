// Hand-written multipart/form-data bodies for app.inject tests of the upload routes.
import { randomBytes } from 'node:crypto';

export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body for app.inject, written by hand so tests control every byte. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----wegweiser${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.filename === undefined ? `form-data; name="${part.name}"` : `form-data; name="${part.name}"; filename="${part.filename}"`;
    const type = part.filename === undefined ? '' : `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`, 'utf8'));
    chunks.push(typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : part.value);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const payload = Buffer.concat(chunks);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(payload.length) } };
}

/** Fields of a valid free upload; override what a test is about. */
export function freeFields(overrides: Record<string, string> = {}): Part[] {
  const fields = { bgNummer: '12345BG0012345', lastName: 'Beispiel', birthDate: '1980-01-31', documentType: 'kontoauszuege', ...overrides };
  return Object.entries(fields).map(([name, value]) => ({ name, value }));
}

export const file = (filename: string, value: Buffer, contentType?: string): Part => ({ name: 'file', filename, value, ...(contentType ? { contentType } : {}) });
