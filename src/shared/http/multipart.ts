// Small multipart forms of signed-in staff (the press office's workbook, images and PDF attachments, the coaching
// KldB import): read whole into a body of text fields and files before preValidation, so the staff CSRF check sees
// `_csrf` as in every other form. The parser is Node's own (undici's FormData). Citizens' uploads stream instead
// (modules/unterlagen/intake.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './errors.js';

/** A file from a multipart form: its name as sent and its bytes. */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

export type MultipartBody = Record<string, string | UploadedFile>;

/** Accepts multipart/form-data in `scope` up to `maxBytes` of body (beyond: 413 before anything is parsed). */
export function acceptMultipart(scope: FastifyInstance, maxBytes: number): void {
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: maxBytes }, async (request: FastifyRequest, raw: Buffer) => {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
    } catch {
      throw new DomainError(400, 'common:errors.badRequest.text');
    }
    const body: MultipartBody = {};
    for (const [name, value] of form) {
      if (name in body) continue;
      body[name] = typeof value === 'string' ? value : { filename: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    return body;
  });
}

/** The file of field `name`, or undefined when none was chosen (browsers send an empty part then). */
export function uploadedFile(body: unknown, name: string): UploadedFile | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(body, name)?.value;
  if (typeof value !== 'object' || value === null || !('bytes' in value) || !Buffer.isBuffer(value.bytes)) return undefined;
  const file = value as UploadedFile;
  return file.bytes.length === 0 && file.filename === '' ? undefined : file;
}
