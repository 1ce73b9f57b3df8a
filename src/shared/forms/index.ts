// Form-flow engine: online services (Erstantrag, Veränderungsmitteilung, …) as declarative flow
// definitions with pages, conditions, repeatable groups, check answers, save & resume, PDF and
// submission. Owns the tables form_drafts, form_submissions and form_submission_events.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../module.js';
import { FormEngine } from './engine.js';
import type { FlowDefinition } from './flow.js';
import { registerPageRoutes } from './routes.js';
import { registerSessionRoutes } from './session.routes.js';

/** Mounts every citizen page of a flow below its basePath; returns the engine for API routes. */
export async function registerFlow(app: FastifyInstance, deps: AppDeps, flow: FlowDefinition): Promise<FormEngine> {
  const engine = new FormEngine(flow, deps);
  await app.register(async (scope) => {
    // Pages show personal data: never keep them in a (shared) browser cache; "back" fetches the saved state.
    scope.addHook('onRequest', async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
    });
    registerSessionRoutes(scope, deps, engine);
    registerPageRoutes(scope, deps, engine);
  });
  return engine;
}

export { FormEngine, type Draft, type DraftState, type SaveOutcome } from './engine.js';
export * from './fields.js';
export {
  defineFlow,
  type Answers,
  type ContentPage,
  type ContentPageProps,
  type FlowDefinition,
  type GroupNode,
  type Item,
  type LoadContext,
  type QuestionPage,
  type Scope,
  type Section,
  type StartPageProps,
} from './flow.js';
export { formJobs, purgeExpiredDrafts, sendDraftReminders } from './jobs.js';
export {
  findInstance,
  firstOpenInstance,
  isComplete,
  itemsOf,
  nextInstance,
  prunedAnswers,
  sectionStatuses,
  visibleInstances,
  type Instance,
  type SectionStatus,
} from './navigation.js';
export {
  addTimelineEntry,
  listSubmissions,
  openSubmission,
  statusByReference,
  statusByToken,
  submissionPdf,
  submitDraft,
  type OpenedSubmission,
  type StatusView,
  type SubmitResult,
} from './submission.js';
export { submissionStatuses, type SubmissionStatus } from './forms.tables.js';
export type { SubmissionFilter } from './forms.repository.js';
export { buildSummary, type SummarySection } from './summary.js';
export { ageOn, centsToGerman, parseDate, parseEuroToCents, parseIban } from './values.js';
