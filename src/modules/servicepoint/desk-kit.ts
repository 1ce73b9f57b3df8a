// What the desk's handlers share: their context, the location's address in the app, the counter cookie of this
// device, and how a domain error becomes field errors on a form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { formField, submittedTexts } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
import type { AppDeps } from '#shared/module.js';
import { SlotTakenError } from '../termine/index.js';
import type { DeskContext } from './desk.service.js';
import { counterCookie } from './servicepoint.schemas.js';
import { UNDO_SECONDS } from './undo-ticket.js';

export type Loc = { Params: { loc: string } };
const COUNTER_COOKIE = 'ww_schalter';
const UNDO_COOKIE = 'ww_rueckgaengig';

/** A booking error as field errors of the form; anything else is not the form's business. */
export function fieldErrors(error: unknown): FieldError[] {
  if (error instanceof ValidationError) return error.fields;
  if (error instanceof SlotTakenError) return [{ field: 'time', message: 'servicepoint:errors.slotTaken' }];
  throw error;
}

/** preHandler: a location or visit id that is no UUID is a 404 (before any query). */
export async function validIds(request: FastifyRequest, reply: FastifyReply) {
  const loc = formField(request.params, 'loc') ?? formField(request.params, 'id');
  if (loc !== undefined && !isUuid(loc)) return reply.callNotFound();
}

export function deskKit(deps: AppDeps) {
  const deskCookie = (request: FastifyRequest) => ({
    path: `/t/${request.tenant.slug}/staff/servicepoint`,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.publicUrl.startsWith('https://'),
  });
  const ctx = (request: FastifyRequest): DeskContext => ({ tdb: request.tdb, tenant: request.tenant, deps, staff: request.staff });
  const home = (request: FastifyRequest<Loc>) => `/t/${request.tenant.slug}/staff/servicepoint/${request.params.loc}`;
  const body = (request: FastifyRequest) => submittedTexts(request.body);
  // The counter (Schalter) this device sits at: chosen once, kept in a cookie of the desk pages (no personal data).
  const counterOf = (request: FastifyRequest): string | undefined => {
    const parsed = counterCookie.safeParse(request.cookies[COUNTER_COOKIE]);
    return parsed.success ? parsed.data : undefined;
  };
  const rememberCounter = (request: FastifyRequest, reply: FastifyReply, counter: string) =>
    reply.setCookie(COUNTER_COOKIE, counter, { ...deskCookie(request), maxAge: 30 * 24 * 3600 });
  // Without JavaScript the undo ticket of the last action travels to the day page in a cookie that lives as long as
  // the undo window; the page shows "Rückgängig" while it is there (doc/adr/0305-desk-undo-on-the-server.md).
  const undoOf = (request: FastifyRequest): string | undefined => request.cookies[UNDO_COOKIE] || undefined;
  const rememberUndo = (request: FastifyRequest, reply: FastifyReply, token: string | undefined) =>
    token
      ? reply.setCookie(UNDO_COOKIE, token, { ...deskCookie(request), maxAge: UNDO_SECONDS })
      : request.cookies[UNDO_COOKIE] ? reply.clearCookie(UNDO_COOKIE, deskCookie(request)) : reply;
  /** The live desk (desk.js) asks for JSON; a plain form POST gets the page. */
  const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? '').includes('application/json');
  return { deps, ctx, home, body, counterOf, rememberCounter, undoOf, rememberUndo, wantsJson };
}

export type DeskKit = ReturnType<typeof deskKit>;
