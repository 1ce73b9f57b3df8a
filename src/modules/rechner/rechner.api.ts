// JSON API of the Bürgergeld-Rechner: estimateBenefit. Public, stores nothing, answers in the request's language.
import type { FastifyInstance } from 'fastify';
import { operation, typed } from '#shared/http/operation.js';
import { presentEstimate } from '../antrag/index.js';
import { estimateBody, estimateResponse } from './rechner.schemas.js';
import { runEstimate } from './rechner.service.js';

export const rechnerOperations = {
  estimateBenefit: operation({
    operationId: 'estimateBenefit',
    summary: 'Non-binding estimate of the monthly SGB II benefit of a household',
    description:
      'Every step of the calculation in words, the rule set used with its date and its parameters not yet checked against the law. ' +
      'Nothing is stored. 422 names the field: negative or implausible amounts, impossible dates, a month without a rule set, no applicant.',
    tags: ['estimate'],
    access: 'public',
    body: estimateBody,
    response: { 200: estimateResponse },
  }),
};

export function registerRechnerApi(app: FastifyInstance) {
  typed(app).post('/estimate', { bodyLimit: 32_768, schema: rechnerOperations.estimateBenefit }, async function estimateBenefit(request) {
    const { result } = await runEstimate(request.tdb, request.body, (i) => request.t('rechner:person', { n: i + 1 }));
    return presentEstimate(result, request.t, request.lang);
  });
}
