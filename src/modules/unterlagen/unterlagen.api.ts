// JSON API of Unterlagen nachreichen: createUpload (multipart) and getUploadReceipt (bearer receipt token).
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidString } from '#shared/ids.js';
import { expectBearer, requireBearer } from '#shared/http/bearer.js';
import { NotFoundError } from '#shared/http/errors.js';
import { operation, typed } from '#shared/http/operation.js';
import type { AppDeps } from '#shared/module.js';
import { sendPdf } from './http.js';
import { discardIntake, receiveMultipart } from './intake.js';
import { receiptPdf } from './pdf.js';
import { receiptJson } from './receipt.js';
import { createUploadBody, createUploadResponse, receiptResponse } from './unterlagen.schemas.js';
import { receiptById, stagingFor, submitUpload, uploadLimits } from './upload.service.js';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';

// The multipart body is read as a stream by the handler; its schema is there for the OpenAPI document only.
const documentOnlyBody = ((route) =>
  route.httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler(route)) as FastifySchemaCompiler<z.ZodType>;

const tags = ['unterlagen'];
const pdf = z.string().meta({ format: 'binary', description: 'The Eingangsbestätigung as PDF' });

export function unterlagenOperations(limits: ReturnType<typeof uploadLimits>) {
  return {
    createUpload: operation({
      operationId: 'createUpload',
      summary: 'Hand in documents: for an item of a Mitwirkungsaufforderung, or freely with the BG-Nummer',
      description:
        'multipart/form-data. Either `requestCode` and `item`, or `bgNummer`, `lastName`, `birthDate` and `documentType`; ' +
        `one or more \`file\` parts (at most ${limits.maxFiles}; ${limits.maxFileBytes / 1048576} MB each, ${limits.maxTotalBytes / 1048576} MB together). ` +
        'Photos (JPEG, PNG, HEIC) become one PDF in the order sent, without EXIF/GPS; PDFs are kept. A refused file gives 422 with ' +
        'one entry per file in `errors` (code = reason, message names the file). `status` is `quarantined` when the virus scanner ' +
        'was unavailable: the files are kept and checked later.',
      tags,
      access: 'public',
      consumes: ['multipart/form-data'],
      body: createUploadBody,
      response: { 201: createUploadResponse },
      errors: [413, 415, 429],
    }),
    getUploadReceipt: operation({
      operationId: 'getUploadReceipt',
      summary: 'The Eingangsbestätigung of an upload (JSON, or the PDF with Accept: application/pdf)',
      description: 'Authorization: Bearer <receiptToken> from createUpload. A wrong token gives 404, as for an unknown id.',
      tags,
      access: 'bearer',
      params: { id: uuidString },
      response: {
        200: { description: 'The receipt', content: { 'application/json': { schema: receiptResponse }, 'application/pdf': { schema: pdf } } },
      },
    }),
  };
}

export async function registerUnterlagenApi(app: FastifyInstance, deps: AppDeps) {
  const limits = uploadLimits(deps);
  const op = unterlagenOperations(limits);
  await app.register(multipart, { throwFileSizeLimit: false });
  const api = typed(app);

  api.post('/uploads', { onRequest: perIpLimit(deps, publicLimits.upload), validatorCompiler: documentOnlyBody as never, schema: op.createUpload }, async function createUpload(request, reply) {
    const intake = await receiveMultipart(request, () => deps.fileStore.incomingPath(), limits, stagingFor(deps, request.tenant.id));
    try {
      const result = await submitUpload({ deps, tenant: request.tenant, tdb: request.tdb, lang: request.lang, t: request.t }, intake);
      return reply.status(201).send({ ...result, receivedAt: result.receivedAt.toISOString() });
    } finally {
      await discardIntake(intake);
    }
  });

  api.get(
    '/uploads/:id/receipt',
    { schema: op.getUploadReceipt, onRequest: requireBearer('unterlagen:errors.receiptToken') },
    async function getUploadReceipt(request, reply) {
      const token = expectBearer(request);
      const receipt = await receiptById({ deps, tenant: request.tenant, tdb: request.tdb }, request.params.id, token);
      if (!receipt) throw new NotFoundError('unterlagen:errors.receiptUnknown');
      if (/\bapplication\/pdf\b/.test(request.headers.accept ?? '')) {
        return sendPdf(reply, `Eingangsbestaetigung-${receipt.reference}.pdf`, await receiptPdf(request.t, { ...receipt, lang: request.lang }, deps.clock.now()));
      }
      return receiptJson(receipt);
    },
  );
}
