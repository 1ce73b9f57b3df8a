// Staff pages below /t/:tenant/staff/coaching: caseload, intake and referral, a participant's dossier with its forms,
// the restricted section, and the indicators. Every response is personal data: Cache-Control no-store.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ZodType } from 'zod';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { formField, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { labourMarketFigures } from '../presse/index.js';
import { requirePermission, staffWithRole } from '../staff/index.js';
import * as s from './coaching.schemas.js';
import * as svc from './coaching.service.js';
import * as ps from './pruefung.schemas.js';
import * as exam from './pruefung.service.js';
import { indicatorReport, indicatorsCsv } from './indicators.service.js';
import { issueLink, revokeLinks } from './link.service.js';
import { auskunftPdf } from './auskunft.pdf.js';
import { auskunft, retentionSettings, saveRetentionSettings } from './retention.js';
import { SettingsPage } from './views/SettingsPage.js';
import { CaseloadPage } from './views/CaseloadPage.js';
import { DossierPage, type FormState } from './views/DossierPage.js';
import { IndicatorsPage } from './views/IndicatorsPage.js';
import { IntakePage } from './views/IntakePage.js';
import { RestrictedPage } from './views/RestrictedPage.js';

type Form = Record<string, string>;
type IdParams = { id: string };
type ActivityParams = IdParams & { aid: string };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function registerStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  const caseloadGuard = { onRequest: requirePermission(deps, 'coaching.caseload') };
  const referGuard = { onRequest: requirePermission(deps, 'coaching.refer') };
  // Dossier pages: the coach, a team lead or the referring caseworker; the service decides per person.
  const anyGuard = { onRequest: requirePermission(deps, 'staff.self') };
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/coaching`;

  app.get('/staff/coaching', caseloadGuard, async (request, reply) => {
    const result = await svc.caseload(deps, request.tdb, request.staff, 'own');
    return reply.render(h(CaseloadPage, { ...result, scope: 'own', canTeam: request.staff.roles.includes('teamleitung') }));
  });
  app.get('/staff/coaching/team', { onRequest: requirePermission(deps, 'coaching.team') }, async (request, reply) => {
    const result = await svc.caseload(deps, request.tdb, request.staff, 'team');
    return reply.render(h(CaseloadPage, { ...result, scope: 'team', canTeam: true }));
  });

  // Intake by the coach (for the own caseload) and referral by the caseworker (to any coach) share one form.
  const coachesFor = async (request: FastifyRequest, mode: 'intake' | 'referral') =>
    mode === 'intake' ? [{ id: request.staff.userId, displayName: request.staff.displayName }] : staffWithRole(request.tdb, 'coach');
  const intakeRoute = (path: string, guard: typeof caseloadGuard, mode: 'intake' | 'referral') => {
    const show = async (request: FastifyRequest, reply: FastifyReply, values: Form, errors: FieldError[] = []) => {
      const options = await svc.intakeOptions(deps, request.tdb, await coachesFor(request, mode));
      return reply.status(errors.length ? 422 : 200).render(h(IntakePage, { ...options, mode, values, errors, action: `${base(request)}/${path}` }));
    };
    app.get(`/staff/coaching/${path}`, guard, (request, reply) => show(request, reply, { coachId: mode === 'intake' ? request.staff.userId : '' }));
    app.post(`/staff/coaching/${path}`, guard, async (request, reply) => {
      const body = submittedTexts(request.body);
      const parsed = safeParseForm(s.intakeForm, body);
      // One message for the languages field, whichever entry is wrong (the summary links to the field).
      if (!parsed.ok) return show(request, reply, body, parsed.errors.map((e) => (e.field.startsWith('languages.') ? { ...e, field: 'languages' } : e)));
      try {
        const coaches = await coachesFor(request, mode);
        const tn = await svc.aufnehmen(deps, request.tdb, request.staff, parsed.data, coaches.map((c) => c.id));
        return reply.redirect(mode === 'intake' ? `${base(request)}/${tn.id}` : `${base(request)}/${tn.id}?neu=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return show(request, reply, body, error.fields);
        throw error;
      }
    });
  };
  intakeRoute('aufnahme', caseloadGuard, 'intake');
  intakeRoute('zuweisung', referGuard, 'referral');

  const showDossier = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState) => {
    const dossier = await svc.dossier(deps, request.tdb, request.staff, request.params.id);
    const link = formField(request.query, 'link');
    const district = dossier.zugang === 'caseworker' ? null : await labourMarketFigures.districtSnapshot(request.tdb, request.tenant);
    return reply
      .status(form?.errors.length ? 422 : 200)
      .render(h(DossierPage, { dossier, form, base: base(request), notice: formField(request.query, 'neu') ? 'referred' : undefined, issuedLink: link, district }));
  };

  app.get<{ Params: IdParams }>('/staff/coaching/:id', anyGuard, async (request, reply) => {
    if (!uuid.test(request.params.id)) return reply.callNotFound();
    return showDossier(request, reply);
  });

  /** One POST form of the dossier: parse, run, redirect back to its section; re-render with errors on bad input. */
  const post = <S extends ZodType, P extends IdParams>(path: string, formId: string | ((params: P) => string), schema: S, run: (request: FastifyRequest<{ Params: P }>, data: S['_output']) => Promise<unknown>) =>
    app.post<{ Params: P }>(`/staff/coaching/:id${path}`, caseloadGuard, async (request, reply) => {
      const params = request.params as P;
      const aid = (params as Partial<ActivityParams>).aid;
      if (!uuid.test(params.id) || (aid !== undefined && !uuid.test(aid))) return reply.callNotFound();
      const id = typeof formId === 'string' ? formId : formId(params);
      const body = typeof formId === 'string' ? submittedTexts(request.body) : unsuffixed(submittedTexts(request.body), `-${id.slice(2)}`);
      const parsed = safeParseForm(schema, body);
      // Per-activity forms name their fields after the activity, so the error summary links to the right one.
      const fail = (errors: FieldError[]) =>
        showDossier(request, reply, { id, values: body, errors: typeof formId === 'string' ? errors : errors.map((e) => ({ ...e, field: `${e.field}-${id.slice(2)}` })) });
      if (!parsed.ok) return fail(parsed.errors);
      try {
        await run(request, parsed.data);
      } catch (error) {
        if (error instanceof ValidationError) return fail(error.fields);
        throw error;
      }
      return reply.redirect(`${base(request)}/${params.id}#${id}`, 303);
    });

  post('/potenzial', 'potenzial', s.potenzialForm, (r, d) => svc.addPotenzial(deps, r.tdb, r.staff, r.params.id, d));
  post('/zielberufe', 'zielberufe', s.zielberufForm, (r, d) => svc.addZielberuf(deps, r.tdb, r.staff, r.params.id, d.kldb));
  post('/aktivitaeten', 'aktivitaeten', s.aktivitaetForm, (r, d) => svc.addAktivitaet(deps, r.tdb, r.staff, r.params.id, d));
  post<typeof s.aktivitaetUpdateForm, ActivityParams>('/aktivitaeten/:aid', (p) => `a-${p.aid}`, s.aktivitaetUpdateForm, (r, d) =>
    svc.updateAktivitaet(deps, r.tdb, r.staff, r.params.id, r.params.aid, d),
  );
  post<typeof s.nachrichtForm, ActivityParams>('/aktivitaeten/:aid/nachrichten', (p) => `a-${p.aid}`, s.nachrichtForm, (r, d) =>
    svc.coachMessage(deps, r.tdb, r.staff, r.params.id, r.params.aid, d.text),
  );
  post('/plan', 'plan', s.planForm, (r, d) => svc.makePlan(deps, r.tdb, r.staff, r.params.id, d));
  post('/plan/papier', 'plan', s.emptyForm, (r) => svc.recordPaperAgreement(deps, r.tdb, r.staff, r.params.id));
  post('/plan/schlichtung', 'plan', s.emptyForm, (r) => svc.requestSchlichtung(deps, r.tdb, r.staff, r.params.id));
  post('/kontakte', 'kontakte', s.kontaktForm, (r, d) => svc.logKontakt(deps, r.tdb, r.staff, r.params.id, d));
  post('/austritt', 'austritt', s.austrittForm, (r, d) => svc.recordExit(deps, r.tdb, r.staff, r.params.id, d));
  post('/nachhaltigkeit', 'austritt', s.nachhaltigkeitForm, (r, d) => svc.recordSustainability(deps, r.tdb, r.staff, r.params.id, d.stillEmployed === 'ja'));
  post('/link/widerruf', 'link', s.emptyForm, (r) => revokeLinks(deps, r.tdb, r.staff, r.params.id));
  post('/pruefungen', 'pruefung', ps.pruefungForm, (r, d) => exam.addPruefung(deps, r.tdb, r.staff, r.params.id, d));
  post('/sitzungen', 'sitzungen', ps.sitzungForm, (r, d) => exam.addSitzung(deps, r.tdb, r.staff, r.params.id, d));
  post('/angst', 'angst', ps.angstForm, (r, d) => exam.addAngstByCoach(deps, r.tdb, r.staff, r.params.id, d));
  post('/gutscheine', 'gutscheine', ps.gutscheinForm, (r, d) => exam.addGutschein(deps, r.tdb, r.staff, r.params.id, d));
  post<typeof ps.gutscheinUpdateForm, ActivityParams>('/gutscheine/:aid', (p) => `g-${p.aid}`, ps.gutscheinUpdateForm, (r, d) =>
    exam.updateGutschein(deps, r.tdb, r.staff, r.params.id, r.params.aid, d),
  );

  // The new link is shown once on the page that follows (never in a URL or a log): rendered directly.
  app.post<{ Params: IdParams }>('/staff/coaching/:id/link', caseloadGuard, async (request, reply) => {
    if (!uuid.test(request.params.id)) return reply.callNotFound();
    const sendMail = submittedTexts(request.body).mail === 'on';
    const issued = await issueLink(deps, request.tdb, request.staff, request.params.id, { slug: request.tenant.slug, name: request.tenant.name }, sendMail);
    const dossier = await svc.dossier(deps, request.tdb, request.staff, request.params.id);
    return reply.render(h(DossierPage, { dossier, base: base(request), issuedLink: issued.mailed ? undefined : issued.url, linkMailed: issued.mailed }));
  });

  app.get<{ Params: IdParams }>('/staff/coaching/:id/auskunft.json', caseloadGuard, async (request, reply) => {
    if (!uuid.test(request.params.id)) return reply.callNotFound();
    const data = await auskunft(deps, request.tdb, request.staff, request.params.id);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="auskunft-${request.params.id}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.get<{ Params: IdParams }>('/staff/coaching/:id/auskunft.pdf', caseloadGuard, async (request, reply) => {
    if (!uuid.test(request.params.id)) return reply.callNotFound();
    const pdf = await auskunftPdf(await auskunft(deps, request.tdb, request.staff, request.params.id), request.t, request.lang);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="auskunft-${request.params.id}.pdf"`).send(pdf);
  });

  const settingsGuard = { onRequest: requirePermission(deps, 'coaching.settings') };
  const settingsPage = async (request: FastifyRequest, reply: FastifyReply, values?: Form, errors: FieldError[] = []) =>
    reply.status(errors.length ? 422 : 200).render(h(SettingsPage, { settings: await retentionSettings(request.tdb), values, errors, saved: formField(request.query, 'saved') === '1' }));
  app.get('/staff/coaching/einstellungen', settingsGuard, (request, reply) => settingsPage(request, reply));
  app.post('/staff/coaching/einstellungen', settingsGuard, async (request, reply) => {
    const body = submittedTexts(request.body);
    const parsed = safeParseForm(s.einstellungenForm, body);
    if (!parsed.ok) return settingsPage(request, reply, body, parsed.errors);
    await saveRetentionSettings(deps, request.tdb, request.staff, parsed.data);
    return reply.redirect(`${base(request)}/einstellungen?saved=1`, 303);
  });

  app.get<{ Params: IdParams }>('/staff/coaching/:id/vertraulich', caseloadGuard, async (request, reply) => {
    if (!uuid.test(request.params.id)) return reply.callNotFound();
    const dossier = await svc.dossier(deps, request.tdb, request.staff, request.params.id);
    const notes = await svc.restrictedNotes(deps, request.tdb, request.staff, request.params.id);
    return reply.render(h(RestrictedPage, { tn: dossier.tn, notes, base: base(request) }));
  });

  app.post<{ Params: IdParams }>('/staff/coaching/:id/vertraulich', caseloadGuard, async (request, reply) => {
    if (!uuid.test(request.params.id)) return reply.callNotFound();
    const body = submittedTexts(request.body);
    const parsed = safeParseForm(s.vertraulichForm, body);
    if (!parsed.ok) {
      const dossier = await svc.dossier(deps, request.tdb, request.staff, request.params.id);
      const notes = await svc.restrictedNotes(deps, request.tdb, request.staff, request.params.id);
      return reply.status(422).render(h(RestrictedPage, { tn: dossier.tn, notes, base: base(request), values: body, errors: parsed.errors }));
    }
    await svc.addRestrictedNote(deps, request.tdb, request.staff, request.params.id, parsed.data);
    return reply.redirect(`${base(request)}/${request.params.id}/vertraulich`, 303);
  });

  app.post<{ Params: IdParams }>('/staff/coaching/:id/vertraulich/einwilligung', caseloadGuard, async (request, reply) => {
    if (!uuid.test(request.params.id)) return reply.callNotFound();
    const parsed = safeParseForm(s.shareConsentForm, request.body ?? {});
    if (!parsed.ok) return reply.redirect(`${base(request)}/${request.params.id}/vertraulich`, 303);
    await svc.setShareConsent(deps, request.tdb, request.staff, request.params.id, parsed.data.noteId, parsed.data.shareConsent);
    return reply.redirect(`${base(request)}/${request.params.id}/vertraulich`, 303);
  });

  const indicatorsGuard = { onRequest: requirePermission(deps, 'coaching.indicators') };
  app.get('/staff/coaching/kennzahlen', indicatorsGuard, async (request, reply) => {
    const parsed = safeParseForm(s.indicatorQuery, request.query ?? {});
    const query = parsed.ok ? parsed.data : {};
    const report = await indicatorReport(deps, request.tdb, request.staff, query);
    return reply.status(parsed.ok ? 200 : 422).render(h(IndicatorsPage, { report, errors: parsed.ok ? [] : parsed.errors, base: base(request) }));
  });
  app.get('/staff/coaching/kennzahlen.csv', indicatorsGuard, async (request, reply) => {
    const parsed = safeParseForm(s.indicatorQuery, request.query ?? {});
    const report = await indicatorReport(deps, request.tdb, request.staff, parsed.ok ? parsed.data : {});
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="coaching-kennzahlen-${report.from}-${report.to}.csv"`)
      .send(indicatorsCsv(report));
  });
}

/** Per-activity forms suffix their field names with the activity id (unique ids on the page); strip it to parse. */
function unsuffixed(body: Form, suffix: string): Form {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k.endsWith(suffix) ? k.slice(0, -suffix.length) : k, v]));
}
