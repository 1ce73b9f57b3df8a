// Caseworker pages below /t/:tenant/staff/antraege and the export API, all behind
// requirePermission(deps, 'antrag.process'); every read of an application is audited in the service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textInput, multilineText } from '#shared/http/text.js';
import { isUuid, uuidString } from '#shared/ids.js';
import { buildSummary, submissionStatuses } from '../forms/index.js';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { operation, typed } from '#shared/http/operation.js';
import { formBody, formField, localDateInput, parseInput, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { antragFlows } from './flows/index.js';
import { deleteApplicationFilter, listApplicationsPage, listQuery, listQueryString, nextApplication, saveApplicationFilter, searchForm, storeApplicationSearch } from './list.service.js';
import { addNote, applicationPdf, changeStatus, exportApplication, openApplication, requestDocuments } from './staff.service.js';
import { StaffDetail } from './views/StaffDetail.js';
import { StaffList } from './views/StaffList.js';

type IdParams = { id: string };

const statusForm = z.object({ status: z.enum(submissionStatuses, { error: 'forms:validation.choose' }) });
const noteForm = z.object({ note: multilineText({ max: 2000 }).min(1, { error: 'antrag:staff.noteRequired' }) });
const requestForm = z.object({
  bgNummer: textInput({ max: 40 }).min(1, { error: 'antrag:staff.bgNummerRequired' }),
  dueDate: localDateInput('antrag:staff.dueDateRequired'),
  items: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(textInput({ max: 40 })).min(1, { error: 'antrag:staff.itemsRequired' }).max(30)),
  message: multilineText({ max: 2000 }).default(''),
});
const NOTICES = ['status', 'statusNext', 'note', 'request'] as const;
const FILTER_NOTICES = ['saved', 'deleted', 'limit', 'nameMissing', 'noneLeft'] as const;
const filterNameForm = z.object({ name: textInput({ max: 60 }).min(1, { error: 'common:savedFilters.notice.nameMissing' }) });

/** The export format of doc/antrag-export.md; its parts beyond these may grow within version 1 (loose). */
const applicationExport = z
  .looseObject({
    format: z.literal('wegweiser.antrag-export'),
    version: z.literal(1),
    application: z.looseObject({ reference: z.string(), flow: z.string(), status: z.enum(submissionStatuses) }),
  })
  .meta({ id: 'ApplicationExport', description: 'Format wegweiser.antrag-export, version 1 (doc/antrag-export.md)' });


export async function registerAntragStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRequest', requirePermission(deps, 'antrag.process'));
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/antraege`;

  app.get('/staff/antraege', async (request, reply) => {
    const query = parseInput(listQuery, request.query);
    const list = await listApplicationsPage(deps, request.tdb, request.staff, query);
    const notice = FILTER_NOTICES.find((n) => n === formField(request.query, 'notice'));
    return reply.render(<StaffList {...list} query={query} notice={notice} />);
  });

  // The search form: a name is personal data, so the search is stored for this person and the address gets its id.
  app.post('/staff/antraege/suche', async (request, reply) => {
    const id = await storeApplicationSearch(deps, request.tdb, request.staff, parseInput(searchForm, formBody(request.body)));
    return reply.redirect(`${base(request)}?f=${id}`, 303);
  });

  app.post('/staff/antraege/filter', async (request, reply) => {
    const body = formBody(request.body);
    const query = parseInput(listQuery, body);
    const name = safeParseForm(filterNameForm, body);
    const back = (notice: string) => `${base(request)}${listQueryString(query)}${listQueryString(query) ? '&' : '?'}notice=${notice}`;
    if (!name.ok) return reply.redirect(back('nameMissing'), 303);
    const saved = await saveApplicationFilter(deps, request.tdb, request.staff, name.data.name, query);
    return reply.redirect(saved.ok ? `${base(request)}?f=${saved.id}&notice=saved` : back('limit'), 303);
  });

  app.post<{ Params: IdParams }>('/staff/antraege/filter/:id/loeschen', async (request, reply) => {
    if (!isUuid(request.params.id) || !(await deleteApplicationFilter(request.tdb, request.staff, request.params.id))) return reply.callNotFound();
    return reply.redirect(`${base(request)}?notice=deleted`, 303);
  });

  async function detail(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, errors: FieldError[] = [], form: Record<string, string | string[]> = {}) {
    const opened = await openApplication(deps, request.tdb, request.staff, request.params.id);
    const flow = antragFlows.find((f) => f.id === opened.submission.flowId)!;
    const ok = formField(request.query, 'ok');
    const notice = NOTICES.find((n) => n === ok);
    return reply
      .status(errors.length ? 422 : 200)
      .render(<StaffDetail detail={opened} sections={buildSummary(flow, opened.answers, request.t)} errors={errors} form={form} query={parseInput(listQuery, { ...formBody(request.query), ...formBody(request.body) })} notice={notice ? request.t(`antrag:staff.notice.${notice}`) : undefined} />);
  }

  app.get<{ Params: IdParams }>('/staff/antraege/:id', async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    return detail(request, reply);
  });

  app.post<{ Params: IdParams }>('/staff/antraege/:id/status', async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = safeParseForm(statusForm, request.body);
    if (!parsed.ok) return detail(request, reply, parsed.errors);
    await changeStatus(deps, request.tdb, request.staff, request.params.id, parsed.data.status);
    // "Save and next": the next application of the list the caseworker came from (same filter and order).
    const query = parseInput(listQuery, Object.fromEntries(Object.entries(formBody(request.body)).flatMap(([k, v]) => (k.startsWith('list_') ? [[k.slice(5), v]] : []))));
    const carried = listQueryString(query);
    const ok = `${carried ? `${carried}&` : '?'}ok=status`;
    if (formField(request.body, 'next') !== '1') return reply.redirect(`${base(request)}/${request.params.id}${ok}`, 303);
    const next = await nextApplication(deps, request.tdb, request.staff, query, request.params.id);
    return reply.redirect(next ? `${base(request)}/${next}${ok.replace('ok=status', 'ok=statusNext')}` : `${base(request)}${carried ? `${carried}&` : '?'}notice=noneLeft`, 303);
  });

  app.post<{ Params: IdParams }>('/staff/antraege/:id/notiz', async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = safeParseForm(noteForm, request.body);
    if (!parsed.ok) return detail(request, reply, parsed.errors);
    await addNote(deps, request.tdb, request.staff, request.params.id, parsed.data.note);
    return reply.redirect(`${base(request)}/${request.params.id}?ok=note`, 303);
  });

  app.post<{ Params: IdParams }>('/staff/antraege/:id/unterlagen', async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, string | string[]>;
    const parsed = safeParseForm(requestForm, body);
    if (!parsed.ok) return detail(request, reply, parsed.errors, body);
    try {
      await requestDocuments(deps, request.tdb, request.staff, request.params.id, request.tenant, parsed.data);
    } catch (err) {
      if (err instanceof ValidationError) return detail(request, reply, err.fields, body);
      throw err;
    }
    return reply.redirect(`${base(request)}/${request.params.id}?ok=request`, 303);
  });

  app.get<{ Params: IdParams }>('/staff/antraege/:id/export.json', async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const data = await exportApplication(deps, request.tdb, request.staff, request.params.id, request.tenant);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${data.application.reference}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.get<{ Params: IdParams }>('/staff/antraege/:id/antrag.pdf', async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const { reference, pdf } = await applicationPdf(deps, request.tdb, request.staff, request.params.id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${reference}.pdf"`).send(pdf);
  });
}

/** GET /staff/applications/{id}/export: the same JSON as the download, for other systems. */
export async function registerAntragStaffApi(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRequest', requirePermission(deps, 'antrag.process'));
  typed(app).get(
    '/staff/applications/:id/export',
    {
      schema: operation({
        operationId: 'exportApplication',
        summary: 'Export a submitted application (format wegweiser.antrag-export v1, doc/antrag-export.md)',
        tags: ['staff'],
        access: 'staff',
        params: { id: uuidString },
        response: { 200: applicationExport },
      }),
    },
    async function exportApplicationJson(request) {
      return exportApplication(deps, request.tdb, request.staff, request.params.id, request.tenant);
    },
  );
}
