// The public verify page of a Teilnahmebescheinigung (/seminare/nachweis?code=…): valid or invalid, with name,
// seminar and dates only. Works without JavaScript. Limited per client address (codes must not be guessable by
// trying); not cached by the app-wide default no-store (the answer changes when a certificate is revoked).
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { safeParseForm } from '../../shared/http/validation.js';
import type { AppDeps } from '../../shared/module.js';
import { perIpLimit, publicLimits } from '../../shared/ratelimit/index.js';
import { verifyCertificate } from './certificates.service.js';
import { codeSchema } from './seminare.schemas.js';
import { ctxOf } from './http.js';
import { VerifyPage } from './views/SessionPage.js';

export function registerSeminarePublicRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/seminare/nachweis', { onRequest: perIpLimit(deps, publicLimits.lookup) }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (query.code === undefined) return reply.render(h(VerifyPage, { errors: [] }));
    const parsed = safeParseForm(codeSchema, query);
    if (!parsed.ok) return reply.status(422).render(h(VerifyPage, { errors: parsed.errors, code: typeof query.code === 'string' ? query.code : '' }));
    const result = await verifyCertificate(ctxOf(request, deps), parsed.data.code);
    return reply.render(h(VerifyPage, { result, errors: [], code: parsed.data.code }));
  });
}
