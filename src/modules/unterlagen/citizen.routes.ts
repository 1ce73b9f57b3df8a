// Citizen pages: start, request opened by code, upload forms (multipart, no JavaScript needed), receipt.
// The code routes load their Mitwirkungsaufforderung once (preHandler, request.citizenAufforderung) and pass it on.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { NotFoundError, ValidationError } from '#shared/http/errors.js';
import { formField, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { aufforderungForCode, type AufforderungForCitizen } from './aufforderung.service.js';
import { uploadBgNummerFormat } from './settings.service.js';
import { UploadRefused } from './held-files.js';
import { discardIntake, receiveMultipart } from './intake.js';
import { receiptPdf } from './pdf.js';
import type { Receipt } from './receipt.js';
import { normalizeAccessCode } from './tokens.js';
import { applicationKeyForm, codeForm } from './unterlagen.schemas.js';
import { isApplicationReference } from './upload-target.js';
import { receiptByToken, receiptForAufforderung, stagingFor, submitUpload, uploadLimits, type RequestedItem, type UploadContext } from './upload.service.js';
import { AufforderungPage } from './views/AufforderungPage.js';
import { ReceiptPage } from './views/ReceiptPage.js';
import { StartPage } from './views/StartPage.js';
import { UploadPage, type UploadPageProps } from './views/UploadPage.js';
import { sendPdf } from './http.js';
import { berlinDate } from '#shared/time.js';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';

type ItemParams = { code: string; position: string };
type TokenParams = { token: string };
type ReceiptParams = { code: string; reference: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** The request opened by the code in the path; set by the `withAufforderung` preHandler (and only on its routes). */
    citizenAufforderung: AufforderungForCitizen;
  }
}

export async function registerCitizenRoutes(app: FastifyInstance, deps: AppDeps) {
  const c = citizenHandlers(deps);
  await app.register(multipart, { throwFileSizeLimit: false });
  app.decorateRequest('citizenAufforderung', null as unknown as AufforderungForCitizen);
  const withAufforderung = { preHandler: c.loadAufforderung };
  const uploadLimit = { onRequest: perIpLimit(deps, publicLimits.upload) };

  app.get('/unterlagen', c.startPage);
  app.post('/unterlagen/code', { onRequest: perIpLimit(deps, publicLimits.lookup) }, c.codeSubmit);
  app.get('/unterlagen/a/:code', withAufforderung, c.aufforderungPage);
  app.get<{ Params: ItemParams }>('/unterlagen/a/:code/:position', withAufforderung, c.itemUploadPage);
  app.post<{ Params: ItemParams }>('/unterlagen/a/:code/:position', { ...uploadLimit, ...withAufforderung }, c.itemUploadSubmit);
  // The request's page links each received item to its receipt: the code opens them, no receipt link is needed.
  app.get<{ Params: ReceiptParams }>('/unterlagen/a/:code/quittung/:reference', withAufforderung, c.requestReceiptPage);
  app.get<{ Params: ReceiptParams }>('/unterlagen/a/:code/quittung/:reference/pdf', withAufforderung, c.requestReceiptPdfDownload);
  app.get('/unterlagen/frei', c.freeUploadPage);
  // From the confirmation of an online application: the free form with its reference filled in (changes nothing).
  app.post('/unterlagen/antrag', { config: { page: '/unterlagen/frei' } }, c.applicationUploadPage);
  app.post('/unterlagen/frei', uploadLimit, c.freeUploadSubmit);
  app.get<{ Params: TokenParams }>('/unterlagen/quittung/:token', c.receiptPage);
  app.get<{ Params: TokenParams }>('/unterlagen/quittung/:token/pdf', c.receiptPdfDownload);
}

function citizenHandlers(deps: AppDeps) {
  const limits = uploadLimits(deps);
  const pageLimits = { maxMb: limits.maxFileBytes / 1024 / 1024, maxTotalMb: limits.maxTotalBytes / 1024 / 1024 };
  const context = (request: FastifyRequest): UploadContext => ({ deps, tenant: request.tenant, tdb: request.tdb, lang: request.lang, t: request.t });
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/unterlagen`;

  /** preHandler: loads the request of `:code` once per request; an unknown or expired code is 404 before any upload is read. */
  async function loadAufforderung(request: FastifyRequest) {
    request.citizenAufforderung = await aufforderungForCode(request.tdb, formField(request.params, 'code') ?? '', deps.clock.now());
  }

  /** Streams the form to temp files, runs the use case, and either redirects to the receipt or shows the form again. */
  async function handleUpload(
    request: FastifyRequest,
    reply: FastifyReply,
    extraFields: Record<string, string>,
    page: (errors: ValidationError['fields'], values: Record<string, string>) => UploadPageProps,
    holdFor: string,
    requested?: RequestedItem,
  ) {
    const store = deps.fileStore;
    const intake = await receiveMultipart(request, () => store.incomingPath(), limits, stagingFor(deps, request.tenant.id));
    try {
      const result = await submitUpload(context(request), { ...intake, fields: { ...intake.fields, ...extraFields } }, requested, holdFor);
      // After a request's item, "send more documents" goes back to that request, not to the empty start page.
      const back = extraFields.requestCode ? `?code=${extraFields.requestCode}` : '';
      return reply.redirect(`${base(request)}/quittung/${result.receiptToken}${back}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const holding = error instanceof UploadRefused ? error.holding : undefined;
      return reply.status(422).render(h(UploadPage, { ...page(error.fields, intake.fields), holding }));
    } finally {
      await discardIntake(intake);
    }
  }

  async function startPage(_request: FastifyRequest, reply: FastifyReply) {
    return reply.render(h(StartPage, { errors: [] }));
  }

  async function codeSubmit(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(codeForm, request.body);
    const code = parsed.ok ? normalizeAccessCode(parsed.data.code) : undefined;
    if (!code) {
      const errors = parsed.ok ? [{ field: 'code', message: 'unterlagen:errors.codeFormat' }] : parsed.errors;
      return reply.status(422).render(h(StartPage, { errors, code: formField(request.body, 'code') ?? '' }));
    }
    return reply.redirect(`${base(request)}/a/${code}`, 303);
  }

  async function aufforderungPage(request: FastifyRequest, reply: FastifyReply) {
    const data = request.citizenAufforderung;
    // Pages reached with a secret (code or receipt token) are not kept in shared caches.
    return reply.render(h(AufforderungPage, { data, today: berlinDate(deps.clock.now()) }));
  }

  function itemOf(request: FastifyRequest<{ Params: ItemParams }>) {
    const data = request.citizenAufforderung;
    const item = data.items.find((i) => String(i.position) === request.params.position);
    if (!item) throw new NotFoundError();
    const props = {
      action: `${base(request)}/a/${data.code}/${item.position}`,
      back: `${base(request)}/a/${data.code}`,
      limits: pageLimits,
      item: { number: item.position, documentType: item.documentType, description: item.description, dueDate: item.dueDate },
    };
    return { data, item, props };
  }

  async function itemUploadPage(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
    const { props } = itemOf(request);
    return reply.render(h(UploadPage, props));
  }

  async function itemUploadSubmit(request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) {
    const { data, item, props } = itemOf(request);
    // The loaded request goes to the use case as it is; the fields only say what the form showed.
    return handleUpload(
      request,
      reply,
      { requestCode: data.code, item: String(item.position) },
      (errors, values) => ({ ...props, errors, values }),
      `a:${data.aufforderung.id}:${item.position}`,
      { aufforderung: data.aufforderung, item },
    );
  }

  const freeProps = async (request: FastifyRequest): Promise<UploadPageProps> => ({
    action: `${base(request)}/frei`,
    back: base(request),
    limits: pageLimits,
    bgNummerExample: (await uploadBgNummerFormat(request.tdb)).example,
  });

  async function freeUploadPage(request: FastifyRequest, reply: FastifyReply) {
    return reply.render(h(UploadPage, await freeProps(request)));
  }

  async function applicationUploadPage(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(applicationKeyForm, request.body);
    const values: Record<string, string> = parsed.ok && isApplicationReference(parsed.data.reference) ? { bgNummer: parsed.data.reference.toUpperCase() } : {};
    return reply.render(h(UploadPage, { ...(await freeProps(request)), values }));
  }

  async function freeUploadSubmit(request: FastifyRequest, reply: FastifyReply) {
    const props = await freeProps(request);
    // A code field can only come from a crafted request here; the free form never has one.
    return handleUpload(request, reply, { requestCode: '' }, (errors, values) => ({ ...props, errors, values }), 'frei');
  }

  async function sendReceiptPdf(request: FastifyRequest, reply: FastifyReply, receipt: Receipt) {
    const pdf = await receiptPdf(request.t, { ...receipt, lang: request.lang }, deps.clock.now());
    return sendPdf(reply, `Eingangsbestaetigung-${receipt.reference}.pdf`, pdf);
  }

  async function receiptOfToken(request: FastifyRequest<{ Params: TokenParams }>) {
    const receipt = await receiptByToken(context(request), request.params.token);
    if (!receipt) throw new NotFoundError('unterlagen:errors.receiptUnknown');
    return receipt;
  }

  async function receiptPage(request: FastifyRequest<{ Params: TokenParams }>, reply: FastifyReply) {
    const receipt = await receiptOfToken(request);
    const code = normalizeAccessCode(formField(request.query, 'code') ?? '');
    const moreHref = code ? `${base(request)}/a/${code}` : undefined;
    return reply.render(h(ReceiptPage, { receipt, pdfHref: `${base(request)}/quittung/${request.params.token}/pdf`, moreHref }));
  }

  async function receiptPdfDownload(request: FastifyRequest<{ Params: TokenParams }>, reply: FastifyReply) {
    return sendReceiptPdf(request, reply, await receiptOfToken(request));
  }

  async function receiptOfRequest(request: FastifyRequest<{ Params: ReceiptParams }>) {
    const receipt = await receiptForAufforderung({ deps, tenant: request.tenant, tdb: request.tdb }, request.citizenAufforderung.aufforderung.id, request.params.reference);
    if (!receipt) throw new NotFoundError('unterlagen:errors.receiptUnknown');
    return receipt;
  }

  async function requestReceiptPage(request: FastifyRequest<{ Params: ReceiptParams }>, reply: FastifyReply) {
    const receipt = await receiptOfRequest(request);
    const requestHref = `${base(request)}/a/${request.citizenAufforderung.code}`;
    return reply.render(h(ReceiptPage, { receipt, pdfHref: `${requestHref}/quittung/${receipt.reference}/pdf`, moreHref: requestHref }));
  }

  async function requestReceiptPdfDownload(request: FastifyRequest<{ Params: ReceiptParams }>, reply: FastifyReply) {
    return sendReceiptPdf(request, reply, await receiptOfRequest(request));
  }

  return {
    loadAufforderung,
    startPage,
    codeSubmit,
    aufforderungPage,
    itemUploadPage,
    itemUploadSubmit,
    freeUploadPage,
    applicationUploadPage,
    freeUploadSubmit,
    receiptPage,
    receiptPdfDownload,
    requestReceiptPage,
    requestReceiptPdfDownload,
  };
}
