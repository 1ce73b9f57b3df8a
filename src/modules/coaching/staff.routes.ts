// Staff pages below /t/:tenant/staff/coaching: caseload, intake and referral, a participant's dossier with its forms,
// the restricted section, the Art. 15 copy, the settings and the indicators. Named handlers grouped by page; the
// guards and the id check are shared preHandlers. Cache-Control no-store is set for every answer by the app.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ZodType } from 'zod';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { formField, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
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
import { termineOf } from './termin.service.js';
import { SettingsPage } from './views/SettingsPage.js';
import { CaseloadPage } from './views/CaseloadPage.js';
import { DossierPage, type FormState } from './views/DossierPage.js';
import { IndicatorsPage } from './views/IndicatorsPage.js';
import { IntakePage } from './views/IntakePage.js';
import { RestrictedPage } from './views/RestrictedPage.js';

type Form = Record<string, string>;
/** Dossier routes: the participant's id, and for per-activity or per-voucher forms that row's id. */
export type DossierParams = { id: string; aid?: string };
export type DossierRequest = FastifyRequest<{ Params: DossierParams }>;

export const coachingBase = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/coaching`;

/** Shared preHandler: ids in the path that are not UUIDs are "not found" before any query runs. */
export async function knownIds(request: DossierRequest, reply: FastifyReply) {
  const { id, aid } = request.params;
  if (!isUuid(id) || (aid !== undefined && !isUuid(aid))) {
    reply.callNotFound();
    return reply;
  }
}

/** The guards of the coaching pages, built once per registration. */
export function coachingGuards(deps: AppDeps) {
  return {
    caseload: { onRequest: requirePermission(deps, 'coaching.caseload') },
    team: { onRequest: requirePermission(deps, 'coaching.team') },
    refer: { onRequest: requirePermission(deps, 'coaching.refer') },
    settings: { onRequest: requirePermission(deps, 'coaching.settings') },
    indicators: { onRequest: requirePermission(deps, 'coaching.indicators') },
    /** A participant's pages, coach only. */
    dossierCoach: { onRequest: requirePermission(deps, 'coaching.caseload'), preHandler: knownIds },
    /** The dossier: the coach, a team lead or the referring caseworker; the service decides per person. */
    dossierAny: { onRequest: requirePermission(deps, 'staff.self'), preHandler: knownIds },
  };
}

export async function registerStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  const guard = coachingGuards(deps);
  const c = staffHandlers(deps);
  app.get('/staff/coaching', guard.caseload, c.ownCaseloadPage);
  app.get('/staff/coaching/team', guard.team, c.teamCaseloadPage);
  app.get('/staff/coaching/aufnahme', guard.caseload, c.intakePage);
  app.post('/staff/coaching/aufnahme', guard.caseload, c.intakeSubmit);
  app.get('/staff/coaching/zuweisung', guard.refer, c.referralPage);
  app.post('/staff/coaching/zuweisung', guard.refer, c.referralSubmit);
  app.get('/staff/coaching/einstellungen', guard.settings, c.settingsPage);
  app.post('/staff/coaching/einstellungen', guard.settings, c.settingsSubmit);
  app.get('/staff/coaching/kennzahlen', guard.indicators, c.indicatorsPage);
  app.get('/staff/coaching/kennzahlen.csv', guard.indicators, c.indicatorsDownload);

  app.get<{ Params: DossierParams }>('/staff/coaching/:id', guard.dossierAny, c.dossierPage);
  registerDossierForms(app, deps);
  app.post<{ Params: DossierParams }>('/staff/coaching/:id/link', guard.dossierCoach, c.linkIssue);
  app.get<{ Params: DossierParams }>('/staff/coaching/:id/auskunft.json', guard.dossierCoach, c.auskunftJson);
  app.get<{ Params: DossierParams }>('/staff/coaching/:id/auskunft.pdf', guard.dossierCoach, c.auskunftDownload);
  app.get<{ Params: DossierParams }>('/staff/coaching/:id/vertraulich', guard.dossierCoach, c.restrictedPage);
  app.post<{ Params: DossierParams }>('/staff/coaching/:id/vertraulich', guard.dossierCoach, c.restrictedSubmit);
  app.post<{ Params: DossierParams }>('/staff/coaching/:id/vertraulich/einwilligung', guard.dossierCoach, c.restrictedConsent);
}

// Intake (coach, own caseload) and referral (caseworker, to any coach) share one form.
type IntakeMode = 'intake' | 'referral';
const intakePath = (mode: IntakeMode) => (mode === 'intake' ? 'aufnahme' : 'zuweisung');

const coachesFor = async (request: FastifyRequest, mode: IntakeMode) =>
  mode === 'intake' ? [{ id: request.staff.userId, displayName: request.staff.displayName }] : staffWithRole(request.tdb, 'coach');

function staffHandlers(deps: AppDeps) {
  // ---- caseload ----

  async function caseload(request: FastifyRequest, reply: FastifyReply, scope: 'own' | 'team') {
    const result = await svc.caseload(deps, request.tdb, request.staff, scope);
    return reply.render(h(CaseloadPage, { ...result, scope, canTeam: scope === 'team' || request.staff.roles.includes('teamleitung') }));
  }

  async function ownCaseloadPage(request: FastifyRequest, reply: FastifyReply) {
    return caseload(request, reply, 'own');
  }

  async function teamCaseloadPage(request: FastifyRequest, reply: FastifyReply) {
    return caseload(request, reply, 'team');
  }

  // ---- intake and referral ----

  async function showIntake(mode: IntakeMode, request: FastifyRequest, reply: FastifyReply, values: Form, errors: FieldError[] = []) {
    const options = await svc.intakeOptions(deps, request.tdb, await coachesFor(request, mode));
    return reply.status(errors.length ? 422 : 200).render(h(IntakePage, { ...options, mode, values, errors, action: `${coachingBase(request)}/${intakePath(mode)}` }));
  }

  async function submitIntake(mode: IntakeMode, request: FastifyRequest, reply: FastifyReply) {
    const body = submittedTexts(request.body);
    const parsed = safeParseForm(s.intakeForm, body);
    // One message for the languages field, whichever entry is wrong (the summary links to the field).
    if (!parsed.ok) return showIntake(mode, request, reply, body, parsed.errors.map((e) => (e.field.startsWith('languages.') ? { ...e, field: 'languages' } : e)));
    try {
      const coaches = await coachesFor(request, mode);
      const tn = await svc.aufnehmen(deps, request.tdb, request.staff, parsed.data, coaches.map((c) => c.id), request.lang);
      return reply.redirect(`${coachingBase(request)}/${tn.id}${mode === 'intake' ? '' : '?neu=1'}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return showIntake(mode, request, reply, body, error.fields);
      throw error;
    }
  }

  async function intakePage(request: FastifyRequest, reply: FastifyReply) {
    return showIntake('intake', request, reply, { coachId: request.staff.userId, mailLanguage: 'de' });
  }

  async function referralPage(request: FastifyRequest, reply: FastifyReply) {
    return showIntake('referral', request, reply, { coachId: '', mailLanguage: 'de' });
  }

  async function intakeSubmit(request: FastifyRequest, reply: FastifyReply) {
    return submitIntake('intake', request, reply);
  }

  async function referralSubmit(request: FastifyRequest, reply: FastifyReply) {
    return submitIntake('referral', request, reply);
  }

  // ---- the dossier ----

  async function dossierPage(request: DossierRequest, reply: FastifyReply) {
    return renderDossier(deps, request, reply);
  }

  /** A new personal link is shown once on the page that follows (never in a URL or a log): rendered directly. */
  async function linkIssue(request: DossierRequest, reply: FastifyReply) {
    const sendMail = formField(request.body, 'mail') === 'on';
    const issued = await issueLink(deps, request.tdb, request.staff, request.params.id, { slug: request.tenant.slug, name: request.tenant.name }, sendMail);
    return renderDossier(deps, request, reply, undefined, { issuedLink: issued.mailed ? undefined : issued.url, linkMailed: issued.mailed });
  }

  // ---- Art. 15 copy ----

  async function auskunftJson(request: DossierRequest, reply: FastifyReply) {
    const data = await auskunft(deps, request.tdb, request.staff, request.params.id);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="auskunft-${request.params.id}.json"`)
      .send(JSON.stringify(data, null, 2));
  }

  async function auskunftDownload(request: DossierRequest, reply: FastifyReply) {
    const pdf = await auskunftPdf(await auskunft(deps, request.tdb, request.staff, request.params.id), request.t, request.lang);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="auskunft-${request.params.id}.pdf"`).send(pdf);
  }

  // ---- the restricted section ----

  async function restrictedPage(request: DossierRequest, reply: FastifyReply, values?: Form, errors: FieldError[] = []) {
    const dossier = await svc.dossier(deps, request.tdb, request.staff, request.params.id);
    const notes = await svc.restrictedNotes(deps, request.tdb, request.staff, request.params.id);
    return reply.status(errors.length ? 422 : 200).render(h(RestrictedPage, { tn: dossier.tn, notes, base: coachingBase(request), values, errors }));
  }

  async function restrictedSubmit(request: DossierRequest, reply: FastifyReply) {
    const body = submittedTexts(request.body);
    const parsed = safeParseForm(s.vertraulichForm, body);
    if (!parsed.ok) return restrictedPage(request, reply, body, parsed.errors);
    await svc.addRestrictedNote(deps, request.tdb, request.staff, request.params.id, parsed.data);
    return reply.redirect(`${coachingBase(request)}/${request.params.id}/vertraulich`, 303);
  }

  async function restrictedConsent(request: DossierRequest, reply: FastifyReply) {
    const parsed = safeParseForm(s.shareConsentForm, submittedTexts(request.body));
    if (parsed.ok) await svc.setShareConsent(deps, request.tdb, request.staff, request.params.id, parsed.data.noteId, parsed.data.shareConsent);
    return reply.redirect(`${coachingBase(request)}/${request.params.id}/vertraulich`, 303);
  }

  // ---- settings and indicators ----

  async function settingsPage(request: FastifyRequest, reply: FastifyReply, values?: Form, errors: FieldError[] = []) {
    const settings = await retentionSettings(request.tdb);
    return reply.status(errors.length ? 422 : 200).render(h(SettingsPage, { settings, values, errors, saved: formField(request.query, 'saved') === '1' }));
  }

  async function settingsSubmit(request: FastifyRequest, reply: FastifyReply) {
    const body = submittedTexts(request.body);
    const parsed = safeParseForm(s.einstellungenForm, body);
    if (!parsed.ok) return settingsPage(request, reply, body, parsed.errors);
    await saveRetentionSettings(deps, request.tdb, request.staff, parsed.data);
    return reply.redirect(`${coachingBase(request)}/einstellungen?saved=1`, 303);
  }

  async function indicators(request: FastifyRequest) {
    const parsed = safeParseForm(s.indicatorQuery, request.query ?? {});
    return { parsed, report: await indicatorReport(deps, request.tdb, request.staff, parsed.ok ? parsed.data : {}) };
  }

  async function indicatorsPage(request: FastifyRequest, reply: FastifyReply) {
    const { parsed, report } = await indicators(request);
    return reply.status(parsed.ok ? 200 : 422).render(h(IndicatorsPage, { report, errors: parsed.ok ? [] : parsed.errors, base: coachingBase(request) }));
  }

  async function indicatorsDownload(request: FastifyRequest, reply: FastifyReply) {
    const { report } = await indicators(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="coaching-kennzahlen-${report.from}-${report.to}.csv"`)
      .send(indicatorsCsv(report));
  }

  return {
    ownCaseloadPage,
    teamCaseloadPage,
    intakePage,
    referralPage,
    intakeSubmit,
    referralSubmit,
    dossierPage,
    linkIssue,
    auskunftJson,
    auskunftDownload,
    restrictedPage,
    restrictedSubmit,
    restrictedConsent,
    settingsPage,
    settingsSubmit,
    indicatorsPage,
    indicatorsDownload,
  };
}

// ---- the dossier and its forms ----

/** The dossier page, optionally re-rendered with the form that failed. */
export async function renderDossier(deps: AppDeps, request: DossierRequest, reply: FastifyReply, form?: FormState, extra: { issuedLink?: string | undefined; linkMailed?: boolean } = {}) {
  const dossier = await svc.dossier(deps, request.tdb, request.staff, request.params.id);
  const full = dossier.zugang !== 'caseworker';
  const district = full ? await labourMarketFigures.districtSnapshot(request.tdb, request.tenant) : null;
  const termine = full ? await termineOf(deps, request.tdb, request.tenant, dossier.aktivitaeten) : [];
  const issuedLink = 'issuedLink' in extra ? extra.issuedLink : formField(request.query, 'link');
  return reply.status(form?.errors.length ? 422 : 200).render(
    h(DossierPage, {
      dossier,
      form,
      base: coachingBase(request),
      notice: formField(request.query, 'neu') ? 'referred' : undefined,
      issuedLink,
      linkMailed: extra.linkMailed,
      district,
      termine,
    }),
  );
}

/** Per-activity forms suffix their field names with the row id (unique ids on the page); strip it to parse. */
function unsuffixed(body: Form, suffix: string): Form {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k.endsWith(suffix) ? k.slice(0, -suffix.length) : k, v]));
}

type DossierRun<S extends ZodType> = (request: DossierRequest, data: S['_output']) => Promise<unknown>;

/**
 * One POST form of the dossier: parse, run, redirect back to its section; re-render with errors on bad input.
 * `rowPrefix` marks a per-row form ('a' activity, 'g' voucher): its section id and field names carry the row id.
 */
export function dossierForm<S extends ZodType>(deps: AppDeps, section: string | { rowPrefix: 'a' | 'g' }, schema: S, run: DossierRun<S>) {
  return async (request: DossierRequest, reply: FastifyReply) => {
    const suffix = typeof section === 'string' ? undefined : `-${request.params.aid ?? ''}`;
    const id = typeof section === 'string' ? section : `${section.rowPrefix}${suffix}`;
    const body = suffix ? unsuffixed(submittedTexts(request.body), suffix) : submittedTexts(request.body);
    const parsed = safeParseForm(schema, body);
    // Per-row forms name their fields after the row, so the error summary links to the right one.
    const fail = (errors: FieldError[]) => renderDossier(deps, request, reply, { id, values: body, errors: suffix ? errors.map((e) => ({ ...e, field: `${e.field}${suffix}` })) : errors });
    if (!parsed.ok) return fail(parsed.errors);
    try {
      await run(request, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return fail(error.fields);
      throw error;
    }
    return reply.redirect(`${coachingBase(request)}/${request.params.id}#${id}`, 303);
  };
}

function registerDossierForms(app: FastifyInstance, deps: AppDeps) {
  const guard = coachingGuards(deps).dossierCoach;
  const post = <S extends ZodType>(path: string, section: string | { rowPrefix: 'a' | 'g' }, schema: S, run: DossierRun<S>) =>
    app.post<{ Params: DossierParams }>(`/staff/coaching/:id${path}`, guard, dossierForm(deps, section, schema, run));
  const activity = { rowPrefix: 'a' } as const;
  const aid = (r: DossierRequest) => r.params.aid ?? '';

  post('/potenzial', 'potenzial', s.potenzialForm, (r, d) => svc.addPotenzial(deps, r.tdb, r.staff, r.params.id, d));
  post('/zielberufe', 'zielberufe', s.zielberufForm, (r, d) => svc.addZielberuf(deps, r.tdb, r.staff, r.params.id, d.kldb));
  post('/aktivitaeten', 'aktivitaeten', s.aktivitaetForm, (r, d) => svc.addAktivitaet(deps, r.tdb, r.staff, r.params.id, d));
  post('/aktivitaeten/:aid', activity, s.aktivitaetUpdateForm, (r, d) => svc.updateAktivitaet(deps, r.tdb, r.staff, r.params.id, aid(r), d));
  post('/aktivitaeten/:aid/nachrichten', activity, s.nachrichtForm, (r, d) => svc.coachMessage(deps, r.tdb, r.staff, r.params.id, aid(r), d.text));
  post('/plan', 'plan', s.planForm, (r, d) => svc.makePlan(deps, r.tdb, r.staff, r.params.id, d));
  post('/plan/papier', 'plan', s.emptyForm, (r) => svc.recordPaperAgreement(deps, r.tdb, r.staff, r.params.id));
  post('/plan/schlichtung', 'plan', s.emptyForm, (r) => svc.requestSchlichtung(deps, r.tdb, r.staff, r.params.id));
  post('/kontakte', 'kontakte', s.kontaktForm, (r, d) => svc.logKontakt(deps, r.tdb, r.staff, r.params.id, d));
  post('/austritt', 'austritt', s.austrittForm, (r, d) => svc.recordExit(deps, r.tdb, r.staff, r.params.id, d));
  post('/nachhaltigkeit', 'austritt', s.nachhaltigkeitForm, (r, d) => svc.recordSustainability(deps, r.tdb, r.staff, r.params.id, d.stillEmployed === 'ja'));
  post('/link/widerruf', 'link', s.emptyForm, (r) => revokeLinks(deps, r.tdb, r.staff, r.params.id));
  post('/sprache', 'link', s.mailLanguageForm, (r, d) => svc.setMailLanguage(deps, r.tdb, r.staff, r.params.id, d.mailLanguage));
  post('/pruefungen', 'pruefung', ps.pruefungForm, (r, d) => exam.addPruefung(deps, r.tdb, r.staff, r.params.id, d));
  post('/sitzungen', 'sitzungen', ps.sitzungForm, (r, d) => exam.addSitzung(deps, r.tdb, r.staff, r.params.id, d));
  post('/angst', 'angst', ps.angstForm, (r, d) => exam.addAngstByCoach(deps, r.tdb, r.staff, r.params.id, d));
  post('/gutscheine', 'gutscheine', ps.gutscheinForm, (r, d) => exam.addGutschein(deps, r.tdb, r.staff, r.params.id, d));
  post('/gutscheine/:aid', { rowPrefix: 'g' }, ps.gutscheinUpdateForm, (r, d) => exam.updateGutschein(deps, r.tdb, r.staff, r.params.id, aid(r), d));
}
