// The coach's slot picker and the booking, moving and cancelling of appointments with the coach (through the
// Onlineterminierung, see termin.service.ts). Coach only; every change audited by the service.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { uuidString } from '#shared/ids.js';
import { SlotTakenError } from '../termine/index.js';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { safeParseForm, submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { berlinDate } from '#shared/time.js';
import { bookTermin, cancelTermin, moveTermin, slotPicker } from './termin.service.js';
import { coachingBase, coachingGuards, type DossierParams, type DossierRequest } from './staff.routes.js';
import { TerminPage } from './views/TerminPage.js';

const pickerQuery = z.object({
  ort: uuidString.optional(),
  datum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  verschieben: uuidString.optional(),
});
const bookForm = z.object({
  ort: uuidString,
  startsAt: z.string({ error: 'coaching:termin.errors.time' }).min(1, { error: 'coaching:termin.errors.time' }).max(40),
});
const moveForm = bookForm.pick({ startsAt: true });

export function registerTerminRoutes(app: FastifyInstance, deps: AppDeps) {
  const guard = coachingGuards(deps).dossierCoach;
  const t = terminHandlers(deps);
  app.get<{ Params: DossierParams }>('/staff/coaching/:id/termin', guard, t.pickerPage);
  app.post<{ Params: DossierParams }>('/staff/coaching/:id/termin', guard, t.bookSubmit);
  app.post<{ Params: DossierParams }>('/staff/coaching/:id/termine/:aid/verschieben', { ...guard, config: { page: '/staff/coaching/:id/termin?verschieben=:aid' } }, t.moveSubmit);
  app.post<{ Params: DossierParams }>('/staff/coaching/:id/termine/:aid/absagen', guard, t.cancelSubmit);
}

/** The chosen time was taken meanwhile, or is not bookable: the picker again, for the same day, with the message. */
function refused(error: unknown): FieldError[] {
  if (error instanceof SlotTakenError) return [{ field: 'startsAt', message: 'coaching:termin.errors.taken' }];
  if (error instanceof ValidationError) return error.fields.map((f) => ({ ...f, field: f.field === 'ort' ? 'ort' : 'startsAt' }));
  throw error;
}

function terminHandlers(deps: AppDeps) {
  async function showPicker(request: DossierRequest, reply: FastifyReply, query: Record<string, string>, errors: FieldError[] = []) {
    const parsed = pickerQuery.safeParse(query);
    const picker = await slotPicker(deps, request.tdb, request.staff, request.tenant, request.params.id, parsed.success ? parsed.data : {});
    return reply.status(errors.length ? 422 : 200).render(h(TerminPage, { picker, base: coachingBase(request), errors }));
  }

  async function pickerPage(request: DossierRequest, reply: FastifyReply) {
    return showPicker(request, reply, submittedTexts(request.query));
  }

  async function bookSubmit(request: DossierRequest, reply: FastifyReply) {
    const body = submittedTexts(request.body);
    const again = (errors: FieldError[]) => showPicker(request, reply, { ort: body.ort ?? '', ...dayQuery(body) }, errors);
    const parsed = safeParseForm(bookForm, body);
    if (!parsed.ok) return again(parsed.errors);
    try {
      await bookTermin(deps, request.tdb, request.staff, request.tenant, request.params.id, parsed.data);
    } catch (error) {
      return again(refused(error));
    }
    return reply.redirect(`${coachingBase(request)}/${request.params.id}#termine`, 303);
  }

  async function moveSubmit(request: DossierRequest, reply: FastifyReply) {
    const body = submittedTexts(request.body);
    const again = (errors: FieldError[]) => showPicker(request, reply, { verschieben: request.params.aid ?? '', ...dayQuery(body) }, errors);
    const parsed = safeParseForm(moveForm, body);
    if (!parsed.ok) return again(parsed.errors);
    try {
      await moveTermin(deps, request.tdb, request.staff, request.tenant, request.params.id, request.params.aid ?? '', parsed.data);
    } catch (error) {
      return again(refused(error));
    }
    return reply.redirect(`${coachingBase(request)}/${request.params.id}#termine`, 303);
  }

  async function cancelSubmit(request: DossierRequest, reply: FastifyReply) {
    await cancelTermin(deps, request.tdb, request.staff, request.tenant, request.params.id, request.params.aid ?? '');
    return reply.redirect(`${coachingBase(request)}/${request.params.id}#termine`, 303);
  }

  return { pickerPage, bookSubmit, moveSubmit, cancelSubmit };
}

/** The day the form showed (or the Berlin day of the submitted start), so a refused time shows that day again. */
function dayQuery(body: Record<string, string>): { datum?: string } {
  if (body.datum) return { datum: body.datum };
  const instant = body.startsAt ? new Date(body.startsAt) : undefined;
  return instant && !Number.isNaN(instant.getTime()) ? { datum: berlinDate(instant) } : {};
}
