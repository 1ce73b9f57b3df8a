// JSON API of the seminar programme (operationIds verifyCertificate and listSeminars are a contract): the public
// check of a certificate code (limited per client address, like the verify page) and the catalogue for staff.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { uuidField, uuidString } from '#shared/ids.js';
import { operation, typed } from '#shared/http/operation.js';
import { textInput } from '#shared/http/text.js';
import type { AppDeps } from '#shared/module.js';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';
import { requirePermission } from '../staff/index.js';
import { searchCatalogue } from './catalogue.service.js';
import { verifyCertificate } from './certificates.service.js';
import { ctxOf } from './http.js';

const tags = ['seminare'];
const instant = z.string().meta({ format: 'date-time' });

const verification = z
  .object({
    valid: z.boolean(),
    holderName: z.string().optional().meta({ description: 'Only when valid' }),
    seminarTitle: z.string().optional(),
    dates: z.string().optional().meta({ description: 'The seminar days as printed on the certificate' }),
    revoked: z.boolean().optional().meta({ description: 'true when the certificate was revoked (then nothing else is said)' }),
  })
  .meta({ id: 'CertificateVerification' });

const sessionOut = z
  .object({
    id: uuidString,
    status: z.string().meta({ example: 'planned' }),
    room: z.string().nullable(),
    seats: z.number().int(),
    free: z.number().int(),
    waiting: z.number().int(),
    enrolmentDeadline: instant,
    days: z.array(z.object({ startsAt: instant, endsAt: instant })),
  })
  .meta({ id: 'SeminarSession' });

const seminarOut = z
  .object({
    id: uuidString,
    title: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    ue: z.number().int().meta({ description: 'Units of 45 minutes' }),
    feeCents: z.number().int(),
    sessions: z.array(sessionOut),
  })
  .meta({ id: 'Seminar' });

export const seminareOperations = {
  verifyCertificate: operation({
    operationId: 'verifyCertificate',
    summary: 'Check the code printed on a Teilnahmebescheinigung',
    description: 'Spaces, dashes and case do not matter. An unknown or revoked code answers `valid: false`.',
    tags,
    access: 'public',
    querystring: z.object({ code: textInput({ min: 1, max: 40, error: 'seminare:verify.codeRequired' }).meta({ example: 'ABCD-EFGH-JKMN-PQRS' }) }),
    response: { 200: verification },
    errors: [429],
  }),
  listSeminars: operation({
    operationId: 'listSeminars',
    summary: 'The seminar catalogue with planned sessions and free places',
    tags,
    access: 'staff',
    querystring: z.object({ q: textInput({ max: 100 }).optional(), category: uuidField('seminare:catalogue.categoryRequired').optional() }),
    response: { 200: z.array(seminarOut) },
  }),
};

export function registerSeminareApi(app: FastifyInstance, deps: AppDeps) {
  const r = typed(app);
  r.get('/seminar-certificates/verification', { schema: seminareOperations.verifyCertificate, onRequest: perIpLimit(deps, publicLimits.lookup) }, async function verify(request) {
    return verifyCertificate(ctxOf(request, deps), request.query.code);
  });

  r.get('/staff/seminars', { schema: seminareOperations.listSeminars, onRequest: requirePermission(deps, 'seminare.browse') }, async function listSeminars(request) {
    const ctx = ctxOf(request, deps);
    const actor = { userId: request.staff.userId, roles: request.staff.roles };
    // The whole catalogue, as before the page learnt to show what is meant for the person first.
    const { seminars: found, categories, unknownCategory } = await searchCatalogue(ctx, actor, { q: request.query.q, categoryId: request.query.category, all: true });
    // No seminar is of a category that is not this jobcenter's (the page instead names it and drops it, ADR 0416).
    if (unknownCategory) return [];
    const names = new Map(categories.map((c) => [c.id, c.name]));
    return found.map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      category: names.get(s.categoryId) ?? null,
      ue: s.ue,
      feeCents: s.feeCents,
      sessions: s.sessions.map((x) => ({
        id: x.id,
        status: x.status,
        room: x.room,
        seats: x.seats,
        free: x.free,
        waiting: x.waiting,
        enrolmentDeadline: x.enrolmentDeadline.toISOString(),
        days: x.days.map((d) => ({ startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString() })),
      })),
    }));
  });
}
