// The public Bürgergeld-Rechner page /t/{tenant}/rechner: a plain form (no JavaScript), the estimate on
// POST. Nothing is stored, nothing of the input goes into a URL or a log; responses are not cached
// (no-store by default, ADR 0126).
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { safeParseForm } from '#shared/http/validation.js';
import { ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { berlinDateTime } from '#shared/time.js';
import { NoRuleSetError, selectRuleSet } from '../antrag/index.js';
import { bodyFromForm, formValues, slotsOf, toFormError } from './rechner.form.js';
import { estimateBody, type EstimateBody } from './rechner.schemas.js';
import { runEstimate } from './rechner.service.js';
import { RechnerPage } from './views/RechnerPage.js';

/** This month and the next two, as far as a rule set covers them. */
function monthsOffered(now: Date): string[] {
  const first = berlinDateTime(now).startOf('month');
  return [0, 1, 2]
    .map((k) => first.plus({ months: k }).toFormat('yyyy-MM'))
    .filter((m) => {
      try {
        selectRuleSet(m);
        return true;
      } catch (err) {
        if (err instanceof NoRuleSetError) return false;
        throw err;
      }
    });
}

/** What to bring to the application, from the household entered (Mitwirkung, §§ 60 ff. SGB I). */
export function documentsFor(body: EstimateBody): string[] {
  const docs = ['id', 'bank'];
  if (body.housing.rentCents > 0 || body.housing.heatingCents > 0) docs.push('rent');
  if (body.members.some((m) => m.earnings)) docs.push('payslips');
  if (body.members.some((m) => m.otherIncome?.length)) docs.push('notices');
  if ((body.assetsCents ?? 0) > 0) docs.push('assets');
  if (body.members.some((m) => m.pregnancyWeek !== undefined)) docs.push('pregnancy');
  return docs;
}

export function registerRechnerRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/rechner', async (_request, reply) => {
    const months = monthsOffered(deps.clock.now());
    return reply.render(h(RechnerPage, { values: { month: months[0] ?? '' }, errors: [], months }));
  });

  app.post('/rechner', { bodyLimit: 16_384 }, async (request, reply) => {
    const months = monthsOffered(deps.clock.now());
    const values = formValues(request.body);
    const slots = slotsOf(values);
    const fail = (errors: { field: string; message: string }[]) =>
      reply.status(422).render(h(RechnerPage, { values, errors: errors.map((e) => toFormError(e, slots)), months }));

    const { body, errors } = bodyFromForm(values);
    if (errors.length > 0) return reply.status(422).render(h(RechnerPage, { values, errors, months }));
    const parsed = safeParseForm(estimateBody, body);
    if (!parsed.ok) return fail(parsed.errors);
    try {
      const estimate = await runEstimate(request.tdb, parsed.data, (i) => request.t('rechner:person', { n: (slots[i] ?? i) + 1 }));
      return reply.render(h(RechnerPage, { values, errors: [], months, estimate, documents: documentsFor(parsed.data) }));
    } catch (err) {
      if (err instanceof ValidationError) return fail(err.fields);
      throw err;
    }
  });
}
