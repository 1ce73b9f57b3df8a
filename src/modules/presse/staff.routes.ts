// The press office's pages: list, new release, editor, workflow steps (submit, approve, publish, reopen, withdraw,
// correct) and the monthly draft. Each route has a named handler; the release page is rendered by staff.detail.ts.
// Their caching is the app-wide default (no-store).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ValidationError } from '#shared/http/errors.js';
import { safeParseForm, submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { draftValues } from './editor.js';
import { settingsOf } from './figures.service.js';
import { createMonthlyDraft } from './monthly.service.js';
import { sendDueReleases } from './presslist.service.js';
import { correctionForm, releaseForm, workflowAction } from './presse.schemas.js';
import * as release from './release.service.js';
import { orDetail, renderDetail } from './staff.detail.js';
import { actorOf, contextOf, may, noticeOf, pressBase, uuidParam, type WithId } from './staff.http.js';
import { NewReleasePage, StaffListPage } from './views/Staff.js';

function staffHandlers(deps: AppDeps) {
  return {
    async list(request: FastifyRequest, reply: FastifyReply) {
      const now = deps.clock.now();
      const rows = (await release.allReleases(contextOf(request, deps))).map((r) => ({ release: r, state: release.displayState(r, now) }));
      return reply.render(h(StaffListPage, { rows, notice: noticeOf(request), canEdit: may(deps, request, 'presse.edit'), canSettle: may(deps, request, 'presse.settings') }));
    },

    async newForm(request: FastifyRequest, reply: FastifyReply) {
      const settings = await settingsOf(request.tdb, request.tenant);
      return reply.render(h(NewReleasePage, { values: { dateline: settings.dateline }, errors: [] }));
    },

    async create(request: FastifyRequest, reply: FastifyReply) {
      const values = submittedTexts(request.body);
      const parsed = safeParseForm(releaseForm, values);
      if (!parsed.ok) return reply.status(422).render(h(NewReleasePage, { values, errors: parsed.errors }));
      try {
        const created = await release.createDraft(contextOf(request, deps), actorOf(request), draftValues(parsed.data));
        return reply.redirect(`${pressBase(request)}/${created.id}?ok=created`, 303);
      } catch (err) {
        if (err instanceof ValidationError) return reply.status(422).render(h(NewReleasePage, { values, errors: err.fields }));
        throw err;
      }
    },

    async monthly(request: FastifyRequest, reply: FastifyReply) {
      const created = await createMonthlyDraft(contextOf(request, deps), actorOf(request), request.tenant);
      return reply.redirect(`${pressBase(request)}/${created.id}?ok=monthly`, 303);
    },

    detail: (request: WithId, reply: FastifyReply) => renderDetail(deps, request, reply),

    async save(request: WithId, reply: FastifyReply) {
      const id = uuidParam(request.params.id);
      const parsed = safeParseForm(releaseForm, submittedTexts(request.body));
      if (!parsed.ok) return renderDetail(deps, request, reply, { values: submittedTexts(request.body), errors: parsed.errors });
      return orDetail(deps, request, reply, 'release', async () => {
        await release.updateDraft(contextOf(request, deps), actorOf(request), id, draftValues(parsed.data));
        return `${pressBase(request)}/${id}?ok=saved`;
      });
    },

    async step(request: WithId, reply: FastifyReply) {
      const id = uuidParam(request.params.id);
      const parsed = safeParseForm(workflowAction, submittedTexts(request.body));
      if (!parsed.ok) return renderDetail(deps, request, reply, { problem: 'presse:errors.wrongStatus', status: 422 });
      const { action } = parsed.data;
      if (!may(deps, request, action === 'approve' ? 'presse.approve' : 'presse.edit')) return renderDetail(deps, request, reply, { problem: 'common:errors.forbidden.text', status: 403 });
      return orDetail(deps, request, reply, 'release', async () => {
        await release[action](contextOf(request, deps), actorOf(request), id);
        // A release without embargo goes to the press list at once; an embargoed one when the job sees it visible.
        if (action === 'publish') await sendDueReleases({ ...contextOf(request, deps), tenant: request.tenant });
        return `${pressBase(request)}/${id}?ok=${action}`;
      });
    },

    async correct(request: WithId, reply: FastifyReply) {
      const id = uuidParam(request.params.id);
      const parsed = safeParseForm(correctionForm, submittedTexts(request.body));
      if (!parsed.ok) return renderDetail(deps, request, reply, { form: 'correction', values: submittedTexts(request.body), errors: parsed.errors });
      return orDetail(deps, request, reply, 'correction', async () => {
        await release.correct(contextOf(request, deps), actorOf(request), id, parsed.data.correction);
        return `${pressBase(request)}/${id}?ok=correct`;
      });
    },
  };
}

export function registerStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  const view = { onRequest: requirePermission(deps, 'presse.view') };
  const edit = { onRequest: requirePermission(deps, 'presse.edit') };
  const handle = staffHandlers(deps);
  app.get('/staff/presse', view, handle.list);
  app.get('/staff/presse/neu', edit, handle.newForm);
  app.post('/staff/presse/neu', edit, handle.create);
  app.post('/staff/presse/monatsmeldung', edit, handle.monthly);
  app.get<{ Params: { id: string } }>('/staff/presse/:id', view, handle.detail);
  app.post<{ Params: { id: string } }>('/staff/presse/:id', edit, handle.save);
  // Approvers without presse.edit take steps too; the handler checks the permission of the chosen step.
  app.post<{ Params: { id: string } }>('/staff/presse/:id/schritt', view, handle.step);
  app.post<{ Params: { id: string } }>('/staff/presse/:id/korrektur', edit, handle.correct);
}
