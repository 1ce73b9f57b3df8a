// JSON API of the coaching: the participant's plan (bearer: the personal link's token), comments on activities,
// and the coach's caseload (staff session). operationIds are a contract (doc/architecture.md).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { uuidString } from '#shared/ids.js';
import { expectBearer, requireBearer } from '#shared/http/bearer.js';
import { operation, typed } from '#shared/http/operation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { nachrichtForm } from './coaching.schemas.js';
import { caseload } from './coaching.service.js';
import { aktivitaetStatus, aktivitaetTypen, phasen, wartetAuf } from './coaching.tables.js';
import { participantComment, participantView, participantWrites } from './link.service.js';
import { perIpLimit } from '#shared/ratelimit/index.js';

const tags = ['coaching'];
const BEARER_KEY = 'coaching:errors.bearerMissing';

const messageOut = z.object({ author: z.enum(['coach', 'teilnehmende']), text: z.string(), createdAt: z.string() });
const activityOut = z.object({
  id: uuidString,
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
      z.object({ id: uuidString, name: z.string(), phase: z.enum(phasen), nextContactOn: z.string().nullable(), overdue: z.boolean(), openActivities: z.number().int(), waitingForCoach: z.number().int() }),
    ),
  })
  .meta({ id: 'CoachingCaseload' });

export const coachingOperations = {
  getCoachingPlan: operation({
    operationId: 'getCoachingPlan',
    summary: "The participant's plan, steps and messages (Authorization: Bearer <token of the personal link>)",
    tags,
    access: 'bearer',
    response: { 200: participantPlanOut },
  }),
  commentCoachingActivity: operation({
    operationId: 'commentCoachingActivity',
    summary: 'The participant writes in the thread of one activity (Authorization: Bearer <token of the personal link>)',
    tags,
    access: 'bearer',
    params: { id: uuidString },
    body: nachrichtForm.meta({ id: 'CoachingComment' }),
    response: { 204: z.null().meta({ description: 'Written; the activity now waits for the coach' }) },
    errors: [429],
  }),
  listCoachingCaseload: operation({
    operationId: 'listCoachingCaseload',
    summary: "The coach's own caseload, overdue contacts first",
    tags,
    access: 'staff',
    response: { 200: caseloadOut },
  }),
};

export function registerCoachingApi(app: FastifyInstance, deps: AppDeps) {
  const r = typed(app);

  r.get('/coaching/plan', { schema: coachingOperations.getCoachingPlan, onRequest: [requireBearer(BEARER_KEY)] }, async function getCoachingPlan(request) {
    const view = await participantView(deps, request.tdb, expectBearer(request, BEARER_KEY));
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
  });

  r.post(
    '/coaching/plan/activities/:id/messages',
    { schema: coachingOperations.commentCoachingActivity, onRequest: [perIpLimit(deps, participantWrites), requireBearer(BEARER_KEY)] },
    async function commentCoachingActivity(request, reply) {
      await participantComment(deps, request.tdb, expectBearer(request, BEARER_KEY), request.params.id, request.body.text);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/staff/coaching/caseload',
    { schema: coachingOperations.listCoachingCaseload, onRequest: [requirePermission(deps, 'coaching.caseload')] },
    async function listCoachingCaseload(request) {
      const { rows } = await caseload(deps, request.tdb, request.staff, 'own');
      return { rows: rows.map(({ coachId: _coachId, ...row }) => row) };
    },
  );
}
