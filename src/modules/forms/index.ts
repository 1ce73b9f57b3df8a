// The forms module: online services (Erstantrag, Veränderungsmitteilung, …) as declarative flow
// definitions with pages, conditions, repeatable groups, check answers, save & resume, PDF and
// submission. Owns the tables form_drafts, form_submissions and form_submission_events, the wizard's
// routes and views, and the draft jobs; a module that offers a service mounts its flows with registerFlow
// (doc/adr/0103-forms-module.md).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#shared/module.js';
import { FormEngine } from './engine.js';
import type { FlowDefinition } from './flow.js';
import { registerPageRoutes } from './page.routes.js';
import { registerSessionRoutes } from './session.routes.js';
import { registerStatusRoutes } from './status.routes.js';
import { registerSubmitRoutes } from './submit.routes.js';

/** Mounts every citizen page of a flow below its basePath; returns the engine for API routes. */
export async function registerFlow(app: FastifyInstance, deps: AppDeps, flow: FlowDefinition): Promise<FormEngine> {
  const engine = new FormEngine(flow, deps);
  // Pages show personal data: the app-wide `Cache-Control: no-store` (doc/adr/0126-no-store-by-default.md) keeps them
  // out of (shared) browser caches, so "back" fetches the saved state.
  await app.register(async (scope) => {
    registerSessionRoutes(scope, deps, engine);
    registerSubmitRoutes(scope, deps, engine);
    registerStatusRoutes(scope, deps, engine);
    registerPageRoutes(scope, deps, engine);
  });
  return engine;
}

// The public API: what a module that offers online services needs. Everything else is internal.
export { FormEngine, type Draft } from './engine.js';
export {
  checkboxes,
  date,
  email,
  iban,
  integer,
  money,
  postalCode,
  radio,
  tel,
  text,
  textarea,
  yesNo,
  type Condition,
  type Field,
  type FieldOption,
} from './fields.js';
export {
  defineFlow,
  type Answers,
  type ContentPageProps,
  type FlowDefinition,
  type Item,
  type LoadContext,
  type QuestionPage,
  type Scope,
  type Section,
  type StartPageProps,
} from './flow.js';
export { formJobs, purgeExpiredDrafts, sendDraftReminders } from './jobs.js';
export { firstOpenInstance, isComplete, sectionStatuses, visibleInstances, type Instance } from './navigation.js';
export {
  addTimelineEntry,
  listSubmissions,
  openSubmission,
  submissionPdf,
  submitDraft,
  submissionRefById,
  submissionRefByReference,
  type OpenedSubmission,
  type SubmissionRef,
} from './submission.js';
export { statusByReference } from './status.js';
export { formsAuditVocabulary } from './audit-vocabulary.js';
export { applicantNames, indexSubmissionNames, nameSearchHashes } from './names.js';
export { submissionStatuses, type SubmissionStatus } from './forms.tables.js';
export { nextSubmission, pageSubmissions, type SubmissionFilter, type SubmissionSort } from './forms.repository.js';
export { buildSummary, type SummarySection } from './summary.js';
export { ageOn, centsToGerman, parseDate, parseEuroToCents } from './values.js';
/** One form field as the wizard renders it (label, hint, error, KERN markup), for pages a module builds itself. */
export { FieldView, type FieldViewProps } from './views/FieldView.js';
