// Staff pages of the seminar programme below /staff/seminare: catalogue, own requests and training account,
// approval queue, session page (attendance, certificates) and the certificate PDF. Every page carries personal
// data and relies on the app-wide default Cache-Control: no-store.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { actorOf, ctxOf, fieldErrors, noticeOf } from './http.js';
import { formBody, parseFilter, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { myOverview, withDetails } from './account.service.js';
import { personalratRequired, searchCatalogue } from './catalogue.service.js';
import { attendanceSheet, certificateFor, issueCertificates, recordAttendance } from './certificates.service.js';
import { can, type Actor, type SeminarCtx } from './context.js';
import { acceptOffer, approvalQueue, cancelEnrolment, decide, declineOffer, requestEnrolment } from './enrolment.service.js';
import { formatDays } from './format.js';
import { certificatePdf, signInSheetPdf } from './pdf.js';
import { attendanceEntries, decisionSchema, searchSchema } from './seminare.schemas.js';
import { ApprovalsPage, DecisionPage } from './views/ApprovalsPage.js';
import { CataloguePage } from './views/CataloguePage.js';
import { MyPage } from './views/MyPage.js';
import { SessionPage } from './views/SessionPage.js';
import { issueTrainerLink, trainerLinkExpiry } from './trainer.service.js';

type Params<P> = FastifyRequest<{ Params: P }>;

export function registerSeminareStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  const browse = { onRequest: requirePermission(deps, 'seminare.browse') };
  const approve = { onRequest: requirePermission(deps, 'seminare.approve') };
  const attendance = { onRequest: requirePermission(deps, 'seminare.attendance') };
  const manage = { onRequest: requirePermission(deps, 'seminare.manage') };
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/seminare`;

  // A wrong search or category (malformed, or none of this jobcenter's) is named on the page (422), the rest of
  // the filter still applies.
  const catalogue = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) => {
    const { data, errors: wrong } = parseFilter(searchSchema, request.query ?? {});
    const ctx = ctxOf(request, deps);
    const filter = { q: data.q, categoryId: data.kategorie, all: data.alle === undefined ? undefined : data.alle === '1' };
    const { seminars, all, hidden, categories, categoryId, unknownCategory } = await searchCatalogue(ctx, actorOf(request), filter);
    if (unknownCategory) wrong.push({ field: 'kategorie', message: 'seminare:catalogue.categoryFilter' });
    return reply.status(wrong.length ? 422 : status).render(
      h(CataloguePage, { seminars, all, hidden, categories, filter: { q: data.q, kategorie: categoryId }, errors: [...wrong, ...errors], notice: noticeOf(request), manage: can(ctx, actorOf(request), 'seminare.manage') }),
    );
  };
  app.get('/staff/seminare', browse, catalogue);
  app.post<{ Params: { id: string } }>('/staff/seminare/termine/:id/anmelden', { ...browse, config: { page: '/staff/seminare' } }, async (request, reply) => {
    const errors = await fieldErrors(() => requestEnrolment(ctxOf(request, deps), actorOf(request), request.params.id));
    if (errors.length) return catalogue(request, reply, errors, 422);
    return reply.redirect(`${base(request)}/meine?notice=requested`, 303);
  });

  const mine = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) =>
    reply.status(status).render(h(MyPage, { ...(await myOverview(ctxOf(request, deps), actorOf(request))), errors, notice: noticeOf(request) }));
  app.get('/staff/seminare/meine', browse, mine);
  const own = (path: string, run: (ctx: SeminarCtx, actor: Actor, id: string) => Promise<unknown>, notice: string) =>
    app.post<{ Params: { id: string } }>(`/staff/seminare/anmeldungen/:id/${path}`, { ...browse, config: { page: '/staff/seminare/meine' } }, async (request, reply) => {
      const errors = await fieldErrors(() => run(ctxOf(request, deps), actorOf(request), request.params.id));
      if (errors.length) return mine(request, reply, errors, 422);
      return reply.redirect(`${base(request)}/meine?notice=${notice}`, 303);
    });
  own('annehmen', acceptOffer, 'accepted');
  own('ausschlagen', declineOffer, 'declined');
  own('stornieren', (ctx, actor, id) => cancelEnrolment(ctx, actor, id), 'cancelled');

  app.get('/staff/seminare/freigaben', approve, async (request, reply) => {
    const ctx = ctxOf(request, deps);
    return reply.render(h(ApprovalsPage, { pending: await withDetails(ctx, await approvalQueue(ctx, actorOf(request))), notice: noticeOf(request) }));
  });
  const decision = async (request: Params<{ id: string }>, reply: FastifyReply, errors: FieldError[] = [], values: Record<string, unknown> = {}, status = 200) => {
    const ctx = ctxOf(request, deps);
    const queue = await approvalQueue(ctx, actorOf(request));
    const found = queue.find((e) => e.id === request.params.id);
    if (!found) return reply.redirect(`${base(request)}/freigaben`, 303);
    const [details] = await withDetails(ctx, [found]);
    return reply.status(status).render(h(DecisionPage, { request: details!, personalratRequired: await personalratRequired(ctx), errors, values }));
  };
  app.get<{ Params: { id: string } }>('/staff/seminare/freigaben/:id', approve, async (request, reply) => decision(request, reply));
  app.post<{ Params: { id: string } }>('/staff/seminare/freigaben/:id', approve, async (request, reply) => {
    const values = formBody(request.body);
    const parsed = safeParseForm(decisionSchema, values);
    const errors = parsed.ok
      ? await fieldErrors(() => decide(ctxOf(request, deps), actorOf(request), request.params.id, { approve: parsed.data.decision === 'approve', reason: parsed.data.reason, personalrat: parsed.data.personalrat }))
      : parsed.errors;
    if (errors.length) return decision(request, reply, errors, values, 422);
    return reply.redirect(`${base(request)}/freigaben?notice=decided`, 303);
  });

  const session = async (request: Params<{ id: string }>, reply: FastifyReply, errors: FieldError[] = [], status = 200, trainerUrl?: string) => {
    const ctx = ctxOf(request, deps);
    const sheet = await attendanceSheet(ctx, actorOf(request), request.params.id);
    const trainerLinkOpen = trainerLinkExpiry(sheet.days, ctx.deps.clock.now()) > ctx.deps.clock.now();
    return reply.status(status).render(h(SessionPage, { sheet, errors, notice: noticeOf(request), manage: can(ctx, actorOf(request), 'seminare.manage'), trainerUrl, trainerLinkOpen }));
  };
  // The link is shown once, in this response (never in a redirect URL).
  app.post<{ Params: { id: string } }>('/staff/seminare/termine/:id/referentenlink', manage, async (request, reply) => {
    let url: string | undefined;
    const errors = await fieldErrors(async () => {
      url = await issueTrainerLink(ctxOf(request, deps), actorOf(request), request.params.id);
    });
    return session(request, reply, errors, errors.length ? 422 : 200, url);
  });
  app.get<{ Params: { id: string } }>('/staff/seminare/termine/:id', attendance, async (request, reply) => session(request, reply));
  app.post<{ Params: { id: string; dayId: string } }>('/staff/seminare/termine/:id/tage/:dayId', attendance, async (request, reply) => {
    const ctx = ctxOf(request, deps);
    await attendanceSheet(ctx, actorOf(request), request.params.id); // checks the trainer's access
    const errors = await fieldErrors(() =>
      recordAttendance(ctx, actorOf(request), request.params.id, request.params.dayId, attendanceEntries(formBody(request.body)), request.staff.displayName),
    );
    if (errors.length) return session(request, reply, errors, 422);
    return reply.redirect(`${base(request)}/termine/${request.params.id}?notice=attendance`, 303);
  });
  app.get<{ Params: { id: string; dayId: string } }>('/staff/seminare/termine/:id/tage/:dayId.pdf', attendance, async (request, reply) => {
    const ctx = ctxOf(request, deps);
    const sheet = await attendanceSheet(ctx, actorOf(request), request.params.id);
    const day = sheet.days.find((d) => d.id === request.params.dayId);
    if (!day) return reply.callNotFound();
    const pdf = await signInSheetPdf(request.t, request.tenant, { title: sheet.seminar.title, day: formatDays([day]), names: sheet.participants.map((p) => p.name) }, deps.clock.now());
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="unterschriften.pdf"').send(pdf);
  });
  app.post<{ Params: { id: string } }>('/staff/seminare/termine/:id/bescheinigungen', manage, async (request, reply) => {
    const errors = await fieldErrors(() => issueCertificates(ctxOf(request, deps), actorOf(request), request.params.id));
    if (errors.length) return session(request, reply, errors, 422);
    return reply.redirect(`${base(request)}/termine/${request.params.id}?notice=issued`, 303);
  });
  app.get<{ Params: { id: string } }>('/staff/seminare/bescheinigungen/:id.pdf', browse, async (request, reply) => {
    const ctx = ctxOf(request, deps);
    const { certificate, code } = await certificateFor(ctx, actorOf(request), request.params.id);
    const verifyUrl = `${deps.config.publicUrl}/t/${request.tenant.slug}/seminare/nachweis?code=${encodeURIComponent(code)}`;
    const pdf = await certificatePdf(request.t, request.tenant, certificate, code, verifyUrl);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="teilnahmebescheinigung.pdf"').send(pdf);
  });
}
