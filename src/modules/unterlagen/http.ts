// Download responses: never inline, never with the file's own content type: a browser must not
// run an uploaded HTML or SVG file in our origin (doc/security.md §6).
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** RFC 6266: an ASCII fallback plus the UTF-8 name (RFC 8187), both safe to put in a header. */
export function contentDisposition(safeName: string): string {
  const ascii = safeName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%]/g, '_') || 'dokument';
  const encoded = encodeURIComponent(safeName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sendAttachment(reply: FastifyReply, safeName: string, contentType: 'application/pdf' | 'application/zip' | 'application/octet-stream', body: Buffer | Readable) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', contentDisposition(safeName))
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

export function sendPdf(reply: FastifyReply, safeName: string, pdf: Buffer) {
  return sendAttachment(reply, safeName, 'application/pdf', pdf);
}
