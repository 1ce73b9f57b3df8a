// The press office's pages: list, editor, workflow steps (submit, approve, publish, reopen, withdraw, correct) and
// the monthly draft. Like every response without its own caching, they are sent with no-store (ADR 0126).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError, NotFoundError, ValidationError, type FieldError } from '#shared/http/errors.js';
import { formField, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { hasPermission, requirePermission, staffDirectory } from '../staff/index.js';
import { draftValues, formValues, type FormValues } from './editor.js';
import { settingsOf } from './figures.service.js';
import { renderRelease } from './markdown.js';
import { createMonthlyDraft } from './monthly.service.js';
import type { PressRelease } from './presse.tables.js';
import { sendDueReleases } from './presslist.service.js';
import { correctionForm, releaseForm, workflowAction } from './presse.schemas.js';
import * as release from './release.service.js';
import { NewReleasePage, ReleaseDetailPage, StaffListPage, type ReleaseDetailProps } from './views/Staff.js';

type Id = { Params: { id: string } };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const notices = new Set(['created', 'saved', 'submit', 'approve', 'publish', 'reopen', 'withdraw', 'correct', 'monthly']);

export function registerStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  const view = { onRequest: requirePermission(deps, 'presse.view') };
  const edit = { onRequest: requirePermission(deps, 'presse.edit') };
  const ctx = (request: FastifyRequest) => ({ tdb: request.tdb, deps });
  const actor = (request: FastifyRequest) => ({ userId: request.staff.userId, roles: request.staff.roles });
  const can = (request: FastifyRequest, permission: string) => hasPermission(deps, request.staff.roles, permission);
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/presse`;
  const body = (request: FastifyRequest) => submittedTexts(request.body);
  const noticeOf = (request: FastifyRequest) => {
    const n = formField(request.query, 'ok');
    return n && notices.has(n) ? n : undefined;
  };
  const idOf = (request: FastifyRequest<Id>) => {
    if (!uuid.test(request.params.id)) throw new NotFoundError();
    return request.params.id;
  };

  app.get('/staff/presse', view, async (request, reply) => {
    const now = deps.clock.now();
    const rows = (await release.allReleases(ctx(request))).map((r) => ({ release: r, state: release.displayState(r, now) }));
    return reply.render(h(StaffListPage, { rows, notice: noticeOf(request), canEdit: can(request, 'presse.edit'), canSettle: can(request, 'presse.settings') }));
  });

  app.get('/staff/presse/neu', edit, async (request, reply) => {
    const settings = await settingsOf(request.tdb, request.tenant);
    return reply.render(h(NewReleasePage, { values: { dateline: settings.dateline }, errors: [] }));
  });

  app.post('/staff/presse/neu', edit, async (request, reply) => {
    const parsed = safeParseForm(releaseForm, body(request));
    if (!parsed.ok) return reply.status(422).render(h(NewReleasePage, { values: body(request), errors: parsed.errors }));
    try {
      const created = await release.createDraft(ctx(request), actor(request), draftValues(parsed.data));
      return reply.redirect(`${base(request)}/${created.id}?ok=created`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return reply.status(422).render(h(NewReleasePage, { values: body(request), errors: err.fields }));
      throw err;
    }
  });

  app.post('/staff/presse/monatsmeldung', edit, async (request, reply) => {
    const created = await createMonthlyDraft(ctx(request), actor(request), request.tenant);
    return reply.redirect(`${base(request)}/${created.id}?ok=monthly`, 303);
  });

  async function detail(request: FastifyRequest<Id>, reply: FastifyReply, extra: { values?: FormValues; errors?: FieldError[]; problem?: string; status?: number } = {}) {
    const found = await release.releaseOf(ctx(request), idOf(request));
    if (!found) throw new NotFoundError();
    const now = deps.clock.now();
    const state = release.displayState(found, now);
    const people = new Map((await staffDirectory(deps, request.tdb, request.staff, 'presse.view')).map((p) => [p.id, p.displayName]));
    const nameOf = (id: string) => people.get(id) ?? request.t('presse:staff.unknownPerson');
    const props: ReleaseDetailProps = {
      release: found,
      state,
      bodyHtml: renderRelease(found.dateline, found.body, `/t/${request.tenant.slug}/arbeitsmarkt.svg`),
      values: extra.values ?? formValues(found),
      errors: extra.errors ?? [],
      actions: actionsFor(found, request),
      editable: found.status === 'draft' && can(request, 'presse.edit'),
      ownRelease: found.authorId === request.staff.userId,
      notice: noticeOf(request),
      problem: extra.problem,
      names: { author: nameOf(found.authorId), approver: found.approverId ? nameOf(found.approverId) : undefined },
    };
    return reply.status(extra.status ?? (props.errors.length ? 422 : 200)).render(h(ReleaseDetailPage, props));
  }

  function actionsFor(r: PressRelease, request: FastifyRequest): ReleaseDetailProps['actions'] {
    const editor = can(request, 'presse.edit');
    switch (r.status) {
      case 'draft':
        return editor ? ['submit'] : [];
      case 'submitted':
        return [...(can(request, 'presse.approve') && r.authorId !== request.staff.userId ? (['approve'] as const) : []), ...(editor ? (['reopen'] as const) : [])];
      case 'approved':
        return editor ? ['publish', 'reopen'] : [];
      case 'published':
        return editor ? ['correct', 'withdraw'] : [];
      default:
        return [];
    }
  }

  app.get<Id>('/staff/presse/:id', view, (request, reply) => detail(request, reply));

  app.post<Id>('/staff/presse/:id', edit, async (request, reply) => {
    const id = idOf(request);
    const parsed = safeParseForm(releaseForm, body(request));
    if (!parsed.ok) return detail(request, reply, { values: body(request), errors: parsed.errors });
    try {
      await release.updateDraft(ctx(request), actor(request), id, draftValues(parsed.data));
      return reply.redirect(`${base(request)}/${id}?ok=saved`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return detail(request, reply, { values: body(request), errors: err.fields });
      if (err instanceof DomainError) return detail(request, reply, { problem: err.key, status: err.status });
      throw err;
    }
  });

  app.post<Id>('/staff/presse/:id/schritt', view, async (request, reply) => {
    const id = idOf(request);
    const parsed = safeParseForm(workflowAction, body(request));
    if (!parsed.ok) return detail(request, reply, { problem: 'presse:errors.wrongStatus', status: 422 });
    const { action } = parsed.data;
    if (!can(request, action === 'approve' ? 'presse.approve' : 'presse.edit')) return detail(request, reply, { problem: 'common:errors.forbidden.text', status: 403 });
    try {
      await release[action](ctx(request), actor(request), id);
      // A release without embargo goes to the press list at once; an embargoed one when the job sees it visible.
      if (action === 'publish') await sendDueReleases({ ...ctx(request), tenant: request.tenant });
      return reply.redirect(`${base(request)}/${id}?ok=${action}`, 303);
    } catch (err) {
      if (err instanceof DomainError) return detail(request, reply, { problem: err.key, status: err.status });
      throw err;
    }
  });

  app.post<Id>('/staff/presse/:id/korrektur', edit, async (request, reply) => {
    const id = idOf(request);
    const parsed = safeParseForm(correctionForm, body(request));
    if (!parsed.ok) return detail(request, reply, { values: body(request), errors: parsed.errors });
    try {
      await release.correct(ctx(request), actor(request), id, parsed.data.correction);
      return reply.redirect(`${base(request)}/${id}?ok=correct`, 303);
    } catch (err) {
      if (err instanceof DomainError) return detail(request, reply, { problem: err.key, status: err.status });
      throw err;
    }
  });
}
