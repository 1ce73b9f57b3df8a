// JSON API of Unterlagen nachreichen: createUpload (multipart) and getUploadReceipt (bearer receipt token).
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError, UnauthorizedError } from '../../shared/http/errors.js';
import type { AppDeps } from '../../shared/module.js';
import { sendPdf } from './http.js';
import { discardIntake, receiveMultipart } from './intake.js';
import { receiptPdf } from './pdf.js';
import { receiptJson } from './receipt.js';
import { createUploadBody, createUploadResponse, receiptResponse } from './unterlagen.schemas.js';
import { receiptById, submitUpload, uploadLimits } from './upload.service.js';
import { perIpLimit, publicLimits } from '../../shared/ratelimit/index.js';

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string().optional() }).loose();

// The multipart body is read as a stream by the handler; its schema is there for the OpenAPI document only.
const documentOnlyBody = ((route) =>
  route.httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler(route)) as FastifySchemaCompiler<z.ZodType>;

function bearer(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new UnauthorizedError('unterlagen:errors.receiptToken');
  return match[1]!;
}

export async function unterlagenApi(app: FastifyInstance, deps: AppDeps) {
  const limits = uploadLimits(deps);
  await app.register(multipart, { throwFileSizeLimit: false });
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/uploads',
    {
      onRequest: perIpLimit(deps, publicLimits.upload),
      validatorCompiler: documentOnlyBody as never,
      schema: {
        operationId: 'createUpload',
        summary: 'Hand in documents: for an item of a Mitwirkungsaufforderung, or freely with the BG-Nummer',
        description:
          'multipart/form-data. Either `requestCode` and `item`, or `bgNummer`, `lastName`, `birthDate` and `documentType`; ' +
          `one or more \`file\` parts (at most ${limits.maxFiles}; ${limits.maxFileBytes / 1048576} MB each, ${limits.maxTotalBytes / 1048576} MB together). ` +
          'Photos (JPEG, PNG, HEIC) become one PDF in the order sent, without EXIF/GPS; PDFs are kept. A refused file gives 422 with ' +
          'one entry per file in `errors` (code = reason, message names the file). `status` is `quarantined` when the virus scanner ' +
          'was unavailable: the files are kept and checked later.',
        tags: ['unterlagen'],
        consumes: ['multipart/form-data'],
        body: createUploadBody,
        response: { 201: createUploadResponse, 413: problem, 415: problem, 422: problem },
      },
    },
    async (request, reply) => {
      const store = deps.fileStore;
      const intake = await receiveMultipart(request, () => store.incomingPath(), limits);
      try {
        const result = await submitUpload({ deps, tenant: request.tenant, tdb: request.tdb, lang: request.lang, t: request.t }, intake);
        return reply.status(201).send({ ...result, receivedAt: result.receivedAt.toISOString() });
      } finally {
        await discardIntake(intake);
      }
    },
  );

  api.get(
    '/uploads/:id/receipt',
    {
      schema: {
        operationId: 'getUploadReceipt',
        summary: 'The Eingangsbestätigung of an upload (JSON, or the PDF with Accept: application/pdf)',
        description: 'Authorization: Bearer <receiptToken> from createUpload. A wrong token gives 404, as for an unknown id.',
        tags: ['unterlagen'],
        params: z.object({ id: z.uuid() }),
        headers: z.object({ authorization: z.string().optional() }).loose(),
        response: { 200: receiptResponse, 401: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const token = bearer(request.headers.authorization);
      const receipt = await receiptById({ deps, tenant: request.tenant, tdb: request.tdb }, request.params.id, token);
      if (!receipt) throw new NotFoundError('unterlagen:errors.receiptUnknown');
      if (/\bapplication\/pdf\b/.test(request.headers.accept ?? '')) {
        return sendPdf(reply, `Eingangsbestaetigung-${receipt.reference}.pdf`, await receiptPdf(request.t, { ...receipt, lang: request.lang }, deps.clock.now()));
      }
      return receiptJson(receipt);
    },
  );
}
