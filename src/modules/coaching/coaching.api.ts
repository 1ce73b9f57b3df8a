// JSON API of the coaching: the participant's plan (bearer: the personal link's token), comments on activities,
// and the coach's caseload (staff session). operationIds are a contract (doc/architecture.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnauthorizedError } from '../../shared/http/errors.js';
import type { AppDeps } from '../../shared/module.js';
import { requirePermission } from '../staff/index.js';
import { nachrichtForm } from './coaching.schemas.js';
import { caseload } from './coaching.service.js';
import { aktivitaetStatus, aktivitaetTypen, phasen, wartetAuf } from './coaching.tables.js';
import { participantComment, participantView, TOKEN_PATTERN } from './link.service.js';

const tags = ['coaching'];
const bearer = [{ bearerAuth: [] }];

// TODO(platform): replace with shared/http/bearer.ts bearerToken() once it is on main.
function bearerToken(request: FastifyRequest): string {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match || !TOKEN_PATTERN.test(match[1]!)) throw new UnauthorizedError('coaching:errors.bearerMissing');
  return match[1]!;
}

const messageOut = z.object({ author: z.enum(['coach', 'teilnehmende']), text: z.string(), createdAt: z.string() });
const activityOut = z.object({
  id: z.uuid(),
  typ: z.enum(aktivitaetTypen),
  title: z.string(),
  wer: z.enum(['teilnehmende', 'coach', 'beide']),
  dueOn: z.string().nullable(),
  status: z.enum(aktivitaetStatus),
  wartetAuf: z.enum(wartetAuf),
  agreed: z.boolean(),
  messages: z.array(messageOut),
});
export const participantPlanOut = z
  .object({
    givenName: z.string(),
    phase: z.enum(phasen),
    plan: z.object({ version: z.number().int(), ziele: z.string(), reviewOn: z.string(), agreed: z.boolean() }).nullable(),
    activities: z.array(activityOut),
  })
  .meta({ id: 'CoachingParticipantPlan' });

export const caseloadOut = z
  .object({
    rows: z.array(
      z.object({ id: z.uuid(), name: z.string(), phase: z.enum(phasen), nextContactOn: z.string().nullable(), overdue: z.boolean(), openActivities: z.number().int(), waitingForCoach: z.number().int() }),
    ),
  })
  .meta({ id: 'CoachingCaseload' });

export function registerCoachingApi(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const noStore = { onSend: async (_req: FastifyRequest, reply: { header(k: string, v: string): unknown }) => void reply.header('cache-control', 'no-store') };

  r.get(
    '/coaching/plan',
    {
      ...noStore,
      schema: { operationId: 'getCoachingPlan', summary: "The participant's plan, steps and messages (Authorization: Bearer <personal link token>)", tags, security: bearer, response: { 200: participantPlanOut } },
    },
    async (request) => {
      const view = await participantView(deps, request.tdb, bearerToken(request));
      return {
        givenName: view.tn.givenName,
        phase: view.tn.phase,
        plan: view.plan ? { version: view.plan.version, ziele: view.plan.ziele, reviewOn: view.plan.reviewOn, agreed: Boolean(view.plan.agreedAt) } : null,
        activities: view.aktivitaeten.map((a) => ({
          id: a.id,
          typ: a.typ,
          title: a.title,
          wer: a.wer,
          dueOn: a.dueOn,
          status: a.status,
          wartetAuf: a.wartetAuf,
          agreed: Boolean(a.agreedAt),
          messages: view.nachrichten.filter((m) => m.aktivitaetId === a.id).map((m) => ({ author: m.author, text: m.text, createdAt: m.createdAt.toISOString() })),
        })),
      };
    },
  );

  r.post(
    '/coaching/plan/activities/:id/messages',
    {
      ...noStore,
      schema: {
        operationId: 'commentCoachingActivity',
        summary: 'The participant writes in the thread of one activity (Authorization: Bearer <personal link token>)',
        tags,
        security: bearer,
        params: z.object({ id: z.uuid() }),
        body: nachrichtForm,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await participantComment(deps, request.tdb, bearerToken(request), request.params.id, request.body.text);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/staff/coaching/caseload',
    { ...noStore, onRequest: requirePermission(deps, 'coaching.caseload'), schema: { operationId: 'listCoachingCaseload', summary: "The coach's own caseload, overdue contacts first", tags, response: { 200: caseloadOut } } },
    async (request) => {
      const { rows } = await caseload(deps, request.tdb, request.staff, 'own');
      return { rows: rows.map(({ coachId: _coachId, ...row }) => row) };
    },
  );
}
