// The tenant admin's import of the KldB 2010 (coaching settings permission): upload (multipart, read whole; the
// CSRF field is checked as in every form), the stored preview, and the confirmation that replaces the list.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { NotFoundError } from '#shared/http/errors.js';
import { acceptMultipart, uploadedFile } from '#shared/http/multipart.js';
import type { FileProblem } from '#shared/html/file-upload.js';
import { formField } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
import type { AppDeps } from '#shared/module.js';
import { commitKldb, kldbPreview, kldbState, MAX_KLDB_BYTES, previewKldb } from './kldb.service.js';
import { coachingBase, coachingGuards } from './staff.routes.js';
import { KldbPage, KldbPreviewPage } from './views/KldbPage.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
const notices = new Set(['imported']);

export async function registerKldbRoutes(app: FastifyInstance, deps: AppDeps) {
  const guard = coachingGuards(deps).settings;
  const k = kldbHandlers(deps);
  app.get('/staff/coaching/berufe', guard, k.uploadPage);
  app.get<{ Params: { id: string } }>('/staff/coaching/berufe/import/:id', guard, k.previewPage);
  app.post<{ Params: { id: string } }>('/staff/coaching/berufe/import/:id', guard, k.commit);
  await app.register(async (scope) => {
    // Up to twice the file limit is read, so a file somewhat too large gets the form with its message, not a bare
    // 413 page.
    acceptMultipart(scope, 2 * MAX_KLDB_BYTES + 64 * 1024);
    scope.post('/staff/coaching/berufe/import', guard, k.upload);
  });
}

const idOf = (request: IdRequest) => {
  if (!isUuid(request.params.id)) throw new NotFoundError();
  return request.params.id;
};

const tooLarge: FileProblem = { message: 'coaching:kldb.errors.tooLarge', params: { maxMb: MAX_KLDB_BYTES / 1024 / 1024 } };

/** The upload form; with a problem, the form again with its message at the file field (422, or 413 for its size). */
async function uploadPage(request: FastifyRequest, reply: FastifyReply, problem?: FileProblem, status = 422) {
  const state = await kldbState(request.tdb);
  const notice = formField(request.query, 'ok');
  return reply.status(problem ? status : 200).render(h(KldbPage, { state, problem, notice: notice && notices.has(notice) ? notice : undefined, base: coachingBase(request) }));
}

function kldbHandlers(deps: AppDeps) {
  async function upload(request: FastifyRequest, reply: FastifyReply) {
    const sent = uploadedFile(request.body, 'file');
    if (!sent || sent.bytes.length === 0) return uploadPage(request, reply, { message: 'coaching:kldb.errors.noFile' });
    const file = { bytes: sent.bytes, name: sent.filename || 'kldb' };
    if (file.bytes.length > MAX_KLDB_BYTES) return uploadPage(request, reply, tooLarge, 413);
    const result = await previewKldb(deps, request.tdb, request.staff, file);
    if ('problem' in result) return uploadPage(request, reply, { message: result.problem });
    return reply.redirect(`${coachingBase(request)}/berufe/import/${result.id}`, 303);
  }

  async function previewPage(request: IdRequest, reply: FastifyReply) {
    const found = await kldbPreview(request.tdb, idOf(request));
    return reply.render(h(KldbPreviewPage, { preview: found, base: coachingBase(request) }));
  }

  async function commit(request: IdRequest, reply: FastifyReply) {
    await commitKldb(deps, request.tdb, request.staff, idOf(request));
    return reply.redirect(`${coachingBase(request)}/berufe?ok=imported`, 303);
  }

  return { uploadPage, upload, previewPage, commit };
}
