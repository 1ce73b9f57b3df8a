// The training office's pages below /staff/seminare (permission seminare.manage): create and edit seminars and
// their sessions, cancel a session; revoke a certificate (with a reason). A change of seats offers freed places to the waitlist at once
// (catalogue.service updateSession → fillPlaces).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { formBody, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { cancelSession, createSeminar, createSession, seminar, seminarFormChoices, sessionForEdit, updateSeminar, updateSession } from './catalogue.service.js';
import { certificateFor, revokeCertificate } from './certificates.service.js';
import { actorOf, ctxOf, fieldErrors } from './http.js';
import { reasonSchema } from './seminare.schemas.js';
import { RevokePage } from './views/RevokePage.js';
import { cancelSessionSchema, seminarFormSchema, seminarInputOf, sessionFormSchema, sessionInputOf } from './office.schemas.js';
import { SeminarFormPage, seminarValues, SessionFormPage, sessionValues, type FormValues } from './views/OfficeForms.js';

type WithId = FastifyRequest<{ Params: { id: string } }>;
/** The service names the day list 'days'; the form shows that message at the first day's date. */
const onForm = (errors: FieldError[]) => errors.map((e) => (e.field === 'days' ? { ...e, field: 'day1Date' } : e));
const bodyOf = (request: FastifyRequest) => formBody(request.body);

export function registerSeminareOfficeRoutes(app: FastifyInstance, deps: AppDeps) {
  const manage = { onRequest: requirePermission(deps, 'seminare.manage') };
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/seminare`;

  const seminarForm = async (request: FastifyRequest, reply: FastifyReply, seminarId: string | undefined, values: FormValues, errors: FieldError[] = []) =>
    reply.status(errors.length ? 422 : 200).render(h(SeminarFormPage, { seminarId, choices: await seminarFormChoices(ctxOf(request, deps)), values, errors }));
  const saveSeminar = async (request: FastifyRequest, reply: FastifyReply, seminarId?: string) => {
    const parsed = safeParseForm(seminarFormSchema, bodyOf(request));
    const ctx = ctxOf(request, deps);
    const errors = parsed.ok
      ? await fieldErrors(() => (seminarId ? updateSeminar(ctx, actorOf(request), seminarId, seminarInputOf(parsed.data)) : createSeminar(ctx, actorOf(request), seminarInputOf(parsed.data))))
      : parsed.errors;
    if (errors.length) return seminarForm(request, reply, seminarId, bodyOf(request), errors);
    return reply.redirect(`${base(request)}?notice=seminarSaved`, 303);
  };
  app.get('/staff/seminare/seminare/neu', manage, async (request, reply) => seminarForm(request, reply, undefined, { active: 'on', attendanceThresholdPercent: '80' }));
  app.post('/staff/seminare/seminare', { ...manage, config: { page: '/staff/seminare/seminare/neu' } }, async (request, reply) => saveSeminar(request, reply));
  app.get<{ Params: { id: string } }>('/staff/seminare/seminare/:id/bearbeiten', manage, async (request, reply) =>
    seminarForm(request, reply, request.params.id, seminarValues(await seminar(ctxOf(request, deps), request.params.id))),
  );
  app.post<{ Params: { id: string } }>('/staff/seminare/seminare/:id', { ...manage, config: { page: '/staff/seminare/seminare/:id/bearbeiten' } }, async (request, reply) => {
    await seminar(ctxOf(request, deps), request.params.id);
    return saveSeminar(request, reply, request.params.id);
  });

  const sessionForm = async (request: WithId, reply: FastifyReply, target: { seminarId?: string; sessionId?: string }, values?: FormValues, errors: FieldError[] = []) => {
    const ctx = ctxOf(request, deps);
    const edit = target.sessionId ? await sessionForEdit(ctx, actorOf(request), target.sessionId) : undefined;
    const of = edit?.seminar ?? (await seminar(ctx, target.seminarId ?? ''));
    return reply.status(errors.length ? 422 : 200).render(
      h(SessionFormPage, { seminar: of, sessionId: edit?.session.id, cancellable: edit?.session.status === 'planned', values: values ?? (edit ? sessionValues(edit.session, edit.days) : {}), errors }),
    );
  };
  app.get<{ Params: { id: string } }>('/staff/seminare/seminare/:id/termine/neu', manage, async (request, reply) => sessionForm(request, reply, { seminarId: request.params.id }));
  app.post<{ Params: { id: string } }>('/staff/seminare/seminare/:id/termine', { ...manage, config: { page: '/staff/seminare/seminare/:id/termine/neu' } }, async (request, reply) => {
    const parsed = safeParseForm(sessionFormSchema, bodyOf(request));
    const errors = parsed.ok ? await fieldErrors(() => createSession(ctxOf(request, deps), actorOf(request), request.params.id, sessionInputOf(parsed.data))) : parsed.errors;
    if (errors.length) return sessionForm(request, reply, { seminarId: request.params.id }, bodyOf(request), onForm(errors));
    return reply.redirect(`${base(request)}?notice=sessionSaved`, 303);
  });
  app.get<{ Params: { id: string } }>('/staff/seminare/termine/:id/bearbeiten', manage, async (request, reply) => sessionForm(request, reply, { sessionId: request.params.id }));
  app.post<{ Params: { id: string } }>('/staff/seminare/termine/:id/bearbeiten', manage, async (request, reply) => {
    await sessionForEdit(ctxOf(request, deps), actorOf(request), request.params.id);
    const parsed = safeParseForm(sessionFormSchema, bodyOf(request));
    const errors = parsed.ok ? await fieldErrors(() => updateSession(ctxOf(request, deps), actorOf(request), request.params.id, sessionInputOf(parsed.data))) : parsed.errors;
    if (errors.length) return sessionForm(request, reply, { sessionId: request.params.id }, bodyOf(request), onForm(errors));
    return reply.redirect(`${base(request)}?notice=sessionSaved`, 303);
  });
  const revokePage = async (request: WithId, reply: FastifyReply, errors: FieldError[] = [], reason?: string) => {
    const { certificate, sessionId } = await certificateFor(ctxOf(request, deps), actorOf(request), request.params.id);
    return reply.status(errors.length ? 422 : 200).render(h(RevokePage, { certificate, sessionId, errors, reason }));
  };
  app.get<{ Params: { id: string } }>('/staff/seminare/bescheinigungen/:id/widerrufen', manage, async (request, reply) => revokePage(request, reply));
  app.post<{ Params: { id: string } }>('/staff/seminare/bescheinigungen/:id/widerrufen', manage, async (request, reply) => {
    const parsed = safeParseForm(reasonSchema, bodyOf(request));
    let sessionId = '';
    const errors = parsed.ok ? await fieldErrors(async () => (sessionId = await revokeCertificate(ctxOf(request, deps), actorOf(request), request.params.id, parsed.data.reason))) : parsed.errors;
    if (errors.length) return revokePage(request, reply, errors, typeof bodyOf(request).reason === 'string' ? (bodyOf(request).reason as string) : undefined);
    return reply.redirect(`${base(request)}/termine/${sessionId}?notice=revoked`, 303);
  });

  app.post<{ Params: { id: string } }>('/staff/seminare/termine/:id/absagen', manage, async (request, reply) => {
    await sessionForEdit(ctxOf(request, deps), actorOf(request), request.params.id);
    const parsed = safeParseForm(cancelSessionSchema, bodyOf(request));
    if (!parsed.ok) return sessionForm(request, reply, { sessionId: request.params.id }, undefined, parsed.errors);
    await cancelSession(ctxOf(request, deps), actorOf(request), request.params.id);
    return reply.redirect(`${base(request)}?notice=sessionCancelled`, 303);
  });
}
