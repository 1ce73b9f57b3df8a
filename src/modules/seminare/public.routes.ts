// The public verify page of a Teilnahmebescheinigung (/seminare/nachweis?code=…): valid or invalid, with name,
// seminar and dates only. Works without JavaScript. Limited per client address (codes must not be guessable by
// trying); not cached by the app-wide default no-store (the answer changes when a certificate is revoked).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '#shared/http/errors.js';
import { h } from 'preact';
import { formBody, formField, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';
import { verifyCertificate } from './certificates.service.js';
import { formatDays } from './format.js';
import { signInSheetPdf } from './pdf.js';
import { attendanceEntries, codeSchema } from './seminare.schemas.js';
import { trainerRecord, trainerSheet } from './trainer.service.js';
import { ctxOf, fieldErrors } from './http.js';
import { TrainerLinkPage, VerifyPage } from './views/SessionPage.js';

type Link = FastifyRequest<{ Params: { token: string } }>;

export function registerSeminarePublicRoutes(app: FastifyInstance, deps: AppDeps) {
  // An external trainer's personal link: the attendance lists of one session (trainer.service.ts).
  const linkPath = (request: Link) => `/t/${request.tenant.slug}/seminare/referent/${request.params.token}`;
  const linkPage = async (request: Link, reply: FastifyReply, errors: FieldError[] = []) => {
    const sheet = await trainerSheet(ctxOf(request, deps), request.params.token);
    const notice = formField(request.query, 'notice') === 'attendance' ? 'attendance' : undefined;
    return reply.status(errors.length ? 422 : 200).render(h(TrainerLinkPage, { sheet, path: linkPath(request), errors, notice }));
  };
  app.get<{ Params: { token: string } }>('/seminare/referent/:token', { onRequest: perIpLimit(deps, publicLimits.lookup) }, async (request, reply) => linkPage(request, reply));
  app.post<{ Params: { token: string; dayId: string } }>('/seminare/referent/:token/tage/:dayId', { onRequest: perIpLimit(deps, publicLimits.lookup) }, async (request, reply) => {
    const entries = attendanceEntries(formBody(request.body));
    const errors = await fieldErrors(() => trainerRecord(ctxOf(request, deps), request.params.token, request.params.dayId, entries, request.t('seminare:trainerLink.recordedBy')));
    if (errors.length) return linkPage(request, reply, errors);
    return reply.redirect(`${linkPath(request)}?notice=attendance`, 303);
  });
  app.get<{ Params: { token: string; dayId: string } }>('/seminare/referent/:token/tage/:dayId.pdf', { onRequest: perIpLimit(deps, publicLimits.lookup) }, async (request, reply) => {
    const sheet = await trainerSheet(ctxOf(request, deps), request.params.token);
    const day = sheet.days.find((d) => d.id === request.params.dayId);
    if (!day) return reply.callNotFound();
    const pdf = await signInSheetPdf(request.t, request.tenant, { title: sheet.seminar.title, day: formatDays([day]), names: sheet.participants.map((p) => p.name) }, deps.clock.now());
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="unterschriften.pdf"').send(pdf);
  });

  app.get('/seminare/nachweis', { onRequest: perIpLimit(deps, publicLimits.lookup) }, async (request, reply) => {
    const query = formBody(request.query);
    if (query.code === undefined) return reply.render(h(VerifyPage, { errors: [] }));
    const parsed = safeParseForm(codeSchema, query);
    if (!parsed.ok) return reply.status(422).render(h(VerifyPage, { errors: parsed.errors, code: typeof query.code === 'string' ? query.code : '' }));
    const result = await verifyCertificate(ctxOf(request, deps), parsed.data.code);
    return reply.render(h(VerifyPage, { result, errors: [], code: parsed.data.code }));
  });
}
