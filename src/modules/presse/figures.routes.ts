// The press office's figures pages: upload of the BA workbook (#shared/http/multipart.ts, in a scope of its own), its stored
// preview and confirmation, and the manual form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { NotFoundError, type FieldError } from '#shared/http/errors.js';
import { formField, safeParseForm } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import type { FormValues } from './editor.js';
import { commitImport, importPreview, previewWorkbook, regionChoices, saveManual } from './figures.import.service.js';
import { acceptMultipart, uploadedFile } from '#shared/http/multipart.js';
import type { FileProblem } from '#shared/html/file-upload.js';
import { manualFiguresForm } from './presse.schemas.js';
import { FiguresAdminPage, ImportPreviewPage } from './views/FiguresStaff.js';

type Id = { Params: { id: string } };
const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
const notices = new Set(['imported', 'saved']);

export async function registerFiguresRoutes(app: FastifyInstance, deps: AppDeps) {
  const edit = { onRequest: requirePermission(deps, 'presse.edit') };
  const f = figuresHandlers(deps);
  app.get('/staff/presse/zahlen', edit, f.figuresPage);
  app.post('/staff/presse/zahlen/manuell', edit, f.manualSubmit);
  await app.register(async (scope) => {
    acceptMultipart(scope, MAX_WORKBOOK_BYTES + 64 * 1024);
    scope.post('/staff/presse/zahlen/import', edit, f.importUpload);
  });
  app.get<Id>('/staff/presse/zahlen/import/:id', edit, f.importPreviewPage);
  app.post<Id>('/staff/presse/zahlen/import/:id', edit, f.importCommit);
}

function figuresHandlers(deps: AppDeps) {
  const ctx = (request: FastifyRequest) => ({ tdb: request.tdb, deps });
  const actor = (request: FastifyRequest) => ({ userId: request.staff.userId, roles: request.staff.roles });
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/presse/zahlen`;
  const idOf = (request: FastifyRequest<Id>) => {
    if (!isUuid(request.params.id)) throw new NotFoundError();
    return request.params.id;
  };

  async function page(request: FastifyRequest, extra: { problems?: FileProblem[]; values?: FormValues; errors?: FieldError[] } = {}) {
    const ok = formField(request.query, 'ok');
    return h(FiguresAdminPage, {
      regions: await regionChoices(ctx(request), request.tenant),
      problems: extra.problems ?? [],
      values: extra.values ?? {},
      errors: extra.errors ?? [],
      notice: ok && notices.has(ok) ? ok : undefined,
    });
  }

  async function figuresPage(request: FastifyRequest, reply: FastifyReply) {
    return reply.render(await page(request));
  }

  async function manualSubmit(request: FastifyRequest, reply: FastifyReply) {
    const values = (request.body ?? {}) as FormValues;
    const parsed = safeParseForm(manualFiguresForm, values);
    if (!parsed.ok) return reply.status(422).render(await page(request, { values, errors: parsed.errors }));
    const { month, region, rate, unemployed, unemployedSgb2, unemployedSgb3 } = parsed.data;
    const regions = await regionChoices(ctx(request), request.tenant);
    const chosen = regions.find((r) => r.value === region);
    if (!chosen) return reply.status(422).render(await page(request, { values, errors: [{ field: 'region', message: 'common:validation.invalid' }] }));
    await saveManual(ctx(request), actor(request), {
      region,
      regionName: chosen.name,
      month,
      rateTenths: rate,
      unemployed: unemployed ?? null,
      unemployedSgb2: unemployedSgb2 ?? null,
      unemployedSgb3: unemployedSgb3 ?? null,
    });
    return reply.redirect(`${base(request)}?ok=saved`, 303);
  }

  async function importUpload(request: FastifyRequest, reply: FastifyReply) {
    const file = uploadedFile(request.body, 'file');
    if (!file || file.bytes.length === 0) return reply.status(422).render(await page(request, { problems: [{ message: 'presse:import.errors.noFile' }] }));
    const result = await previewWorkbook(ctx(request), actor(request), file.bytes);
    if ('problems' in result) return reply.status(422).render(await page(request, { problems: result.problems }));
    return reply.redirect(`${base(request)}/import/${result.id}`, 303);
  }

  async function importPreviewPage(request: FastifyRequest<Id>, reply: FastifyReply) {
    const found = await importPreview(ctx(request), idOf(request));
    return reply.render(h(ImportPreviewPage, { id: found.id, month: found.month, rows: found.rows, unrecognised: found.unrecognised }));
  }

  async function importCommit(request: FastifyRequest<Id>, reply: FastifyReply) {
    await commitImport(ctx(request), actor(request), idOf(request));
    return reply.redirect(`${base(request)}?ok=imported`, 303);
  }

  return { figuresPage, manualSubmit, importUpload, importPreviewPage, importCommit };
}
