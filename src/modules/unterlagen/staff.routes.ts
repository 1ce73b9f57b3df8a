// Caseworker pages below /t/:tenant/staff/unterlagen, all behind requirePermission(deps, 'unterlagen.review').
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { z } from 'zod';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { formField, parseInput, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { aufforderungLetter, type NoticeContext } from './aufforderung.service.js';
import { sendAttachment, sendPdf } from './http.js';
import { aufforderungLink } from './mails.js';
import { filterQuery, nextInFilter } from './inbox.service.js';
import { registerInboxRoutes } from './inbox.routes.js';
import { downloadable, followUpPrefill, letterAudit, loadAufforderung, loadUpload, openDownload, requestDocuments, reviewUpload } from './review.service.js';
import { uploadBgNummerFormat } from './settings.service.js';
import { aufforderungItemInput, inboxQuery, itemRowErrors, reviewForm, staffAufforderungForm } from './unterlagen.schemas.js';
import { AufforderungCreated, AufforderungDetail, AufforderungForm, itemRows } from './views/StaffAufforderung.js';
import { StaffUpload } from './views/StaffUpload.js';

type IdParams = { id: string };
type FileParams = IdParams & { fileId: string };
type FollowUpQuery = { upload?: string };
type Form = Record<string, string>;

/** Item rows of the form → the filled ones, with errors named after their row (so the summary links work). */
function itemsFromForm(body: Form): { items: z.output<typeof aufforderungItemInput>[]; errors: FieldError[] } {
  const items: z.output<typeof aufforderungItemInput>[] = [];
  const errors: FieldError[] = [];
  for (let i = 0; i < itemRows; i++) {
    const row = { documentType: body[`items.${i}.documentType`] ?? '', description: body[`items.${i}.description`] ?? '', dueDate: body[`items.${i}.dueDate`] ?? '' };
    if (!row.documentType && !row.description.trim() && !row.dueDate) continue;
    const parsed = aufforderungItemInput.safeParse(row);
    if (parsed.success) items.push(parsed.data);
    else errors.push(...itemRowErrors(parsed.error, i));
  }
  if (items.length === 0 && errors.length === 0) errors.push({ field: 'items', message: 'unterlagen:staff.itemsRequired' });
  return { items, errors };
}

export async function registerStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  const s = staffHandlers(deps);
  app.addHook('onRequest', requirePermission(deps, 'unterlagen.review'));

  registerInboxRoutes(app, deps);

  app.get<{ Params: IdParams }>('/staff/unterlagen/:id', s.uploadPage);
  app.get<{ Params: FileParams }>('/staff/unterlagen/:id/dateien/:fileId', s.fileDownload);
  app.post<{ Params: IdParams }>('/staff/unterlagen/:id/pruefung', s.reviewSubmit);
  app.get<{ Querystring: FollowUpQuery }>('/staff/unterlagen/aufforderungen/neu', s.aufforderungFormPage);
  app.post('/staff/unterlagen/aufforderungen', { config: { page: '/staff/unterlagen/aufforderungen/neu' } }, s.aufforderungSubmit);
  app.get<{ Params: IdParams }>('/staff/unterlagen/aufforderungen/:id', s.aufforderungPage);
  app.post<{ Params: IdParams }>('/staff/unterlagen/aufforderungen/:id/brief', s.letterDownload);
}

function staffHandlers(deps: AppDeps) {
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/unterlagen`;
  const notice = (request: FastifyRequest): NoticeContext => ({ tenant: request.tenant, publicUrl: deps.config.publicUrl });

  const showUpload = async (request: FastifyRequest<{ Params: IdParams }>, errors: FieldError[] = [], filter: z.output<typeof inboxQuery> = {}) => {
    const detail = await loadUpload(deps, request.tdb, request.staff, request.params.id);
    const byId = new Map(detail.files.map((f) => [f.id, f]));
    const notice = formField(request.query, 'notice') === 'saved' ? 'saved' : undefined;
    return h(StaffUpload, { detail, errors, filter, notice, canDownload: (fileId: string) => downloadable(deps, byId.get(fileId)!) });
  };

  async function uploadPage(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    return reply.render(await showUpload(request, [], parseInput(inboxQuery, request.query)));
  }

  async function fileDownload(request: FastifyRequest<{ Params: FileParams }>, reply: FastifyReply) {
    if (!isUuid(request.params.id) || !isUuid(request.params.fileId)) return reply.callNotFound();
    const file = await openDownload(deps, request.tdb, request.staff, request.params.id, request.params.fileId);
    return sendAttachment(reply, file.name, 'application/pdf', file.content);
  }

  async function reviewSubmit(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = safeParseForm(reviewForm, request.body);
    const filter = parseInput(inboxQuery, request.body);
    if (!parsed.ok) return reply.status(422).render(await showUpload(request, parsed.errors, filter));
    await reviewUpload(deps, request.tdb, request.staff, request.params.id, parsed.data);
    // "Save and next": the next upload in the filter the caseworker came from, or back to that list.
    const query = filterQuery(filter);
    const saved = `${query ? `${query}&` : '?'}notice=saved`;
    if (formField(request.body, 'next') !== '1') return reply.redirect(`${base(request)}/${request.params.id}${saved}`, 303);
    const next = await nextInFilter(deps, request.tdb, request.staff, filter, request.params.id);
    return reply.redirect(next ? `${base(request)}/${next}${saved}` : `${base(request)}${saved}`, 303);
  }

  async function aufforderungFormPage(request: FastifyRequest<{ Querystring: FollowUpQuery }>, reply: FastifyReply) {
    const { example } = await uploadBgNummerFormat(request.tdb);
    const followUp = request.query.upload && isUuid(request.query.upload) ? request.query.upload : undefined;
    const values: Form = {};
    if (followUp) {
      const prefill = await followUpPrefill(deps, request.tdb, request.staff, followUp);
      Object.assign(values, { bgNummer: prefill.bgNummer, email: prefill.email, lang: prefill.lang, followUpOf: followUp, 'items.0.documentType': prefill.documentType });
    }
    return reply.render(h(AufforderungForm, { values, bgNummerExample: example }));
  }

  async function aufforderungSubmit(request: FastifyRequest, reply: FastifyReply) {
    const body = submittedTexts(request.body);
    const form = safeParseForm(staffAufforderungForm, body);
    const rows = itemsFromForm(body);
    const rerender = async (errors: FieldError[]) =>
      reply.status(422).render(h(AufforderungForm, { values: body, errors, bgNummerExample: (await uploadBgNummerFormat(request.tdb)).example }));
    if (!form.ok || rows.errors.length) return rerender([...(form.ok ? [] : form.errors), ...rows.errors]);
    try {
      const { followUpOf, ...input } = form.data;
      const created = await requestDocuments(deps, request.tdb, request.staff, { ...input, items: rows.items }, notice(request), followUpOf);
      const link = aufforderungLink(deps.config.publicUrl, request.tenant.slug, created.code);
      return reply.render(h(AufforderungCreated, { ...created, link, emailed: Boolean(input.email) }));
    } catch (error) {
      if (error instanceof ValidationError) return rerender(error.fields);
      throw error;
    }
  }

  async function aufforderungPage(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    return reply.render(h(AufforderungDetail, await loadAufforderung(deps, request.tdb, request.staff, request.params.id)));
  }

  async function letterDownload(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const code = String(formField(request.body, 'code') ?? '');
    const letter = await aufforderungLetter(request.tdb, request.params.id, code, notice(request));
    await letterAudit(deps, request.tdb, request.staff, request.params.id);
    return sendPdf(reply, `Aufforderung-${letter.reference}.pdf`, letter.pdf);
  }

  return { uploadPage, fileDownload, reviewSubmit, aufforderungFormPage, aufforderungSubmit, aufforderungPage, letterDownload };
}
