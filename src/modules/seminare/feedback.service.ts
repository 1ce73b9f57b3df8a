// Anonymous feedback after a seminar: people who attended (some attendance recorded on a day of a session whose
// last day is over) answer once with a rating 1–5 and an optional free text. The answer is stored without any
// link to the person; a separate marker says only that the participation was answered (ADR 0250). Trainer and
// training office see the results only in aggregate and only from MIN_ANSWERS answers on, free texts too.
import { NotFoundError, ValidationError } from '#shared/http/errors.js';
import { isUuid } from '#shared/ids.js';
import { berlinDate } from '#shared/time.js';
import * as attendanceRepository from './attendance.repository.js';
import * as catalogueRepository from './catalogue.repository.js';
import { can, type Actor, type SeminarCtx } from './context.js';
import { audit } from './enrolment.service.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import * as feedbackRepository from './feedback.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import type { SeminarEnrolment, SeminarSessionDay } from './seminare.tables.js';

/** Below this many answers nothing is shown but the count: single answers could be traced to a person. */
export const MIN_ANSWERS = 5;
export const RATINGS = [5, 4, 3, 2, 1] as const;

/** Whether a participation may be answered: confirmed, the last day over, attended on at least one day. */
export async function feedbackOpen(ctx: SeminarCtx, enrolments: SeminarEnrolment[]): Promise<Set<string>> {
  const confirmed = enrolments.filter((e) => e.status === 'confirmed');
  if (!confirmed.length) return new Set();
  const now = ctx.deps.clock.now();
  const days = await sessionsRepository.days(ctx.tdb, [...new Set(confirmed.map((e) => e.sessionId))]);
  const over = (sessionId: string) => {
    const own = days.filter((d) => d.sessionId === sessionId);
    return own.length > 0 && own.every((d) => d.endsAt <= now);
  };
  const ended = confirmed.filter((e) => over(e.sessionId));
  const attended = new Set((await attendanceRepository.ofDays(ctx.tdb, days.map((d) => d.id))).filter((a) => a.percent > 0).map((a) => a.enrolmentId));
  const answered = await feedbackRepository.given(ctx.tdb, ended.map((e) => e.id));
  return new Set(ended.filter((e) => attended.has(e.id) && !answered.has(e.id)).map((e) => e.id));
}

/** The survey for one's own participation; NotFound when it is not (or no longer) open. */
export async function survey(ctx: SeminarCtx, actor: Actor, enrolmentId: string): Promise<{ enrolment: SeminarEnrolment; title: string; days: SeminarSessionDay[] }> {
  const enrolment = isUuid(enrolmentId) ? await enrolmentsRepository.byId(ctx.tdb, enrolmentId) : undefined;
  if (!enrolment || enrolment.userId !== actor.userId || !(await feedbackOpen(ctx, [enrolment])).has(enrolment.id)) throw new NotFoundError();
  const session = (await sessionsRepository.byId(ctx.tdb, enrolment.sessionId))!;
  const seminar = (await catalogueRepository.seminarById(ctx.tdb, session.seminarId))!;
  return { enrolment, title: seminar.title, days: await sessionsRepository.days(ctx.tdb, [session.id]) };
}

/**
 * Stores an answer. Marker and answer are written in one transaction (both or neither) but share no key; the
 * answer carries the day only. Not audited per person: an audit entry would be the link the design avoids.
 */
export async function giveFeedback(ctx: SeminarCtx, actor: Actor, enrolmentId: string, answer: { rating: number; comment: string }): Promise<void> {
  const { enrolment } = await survey(ctx, actor, enrolmentId);
  const session = (await sessionsRepository.byId(ctx.tdb, enrolment.sessionId))!;
  await ctx.tdb.transaction(async (tx) => {
    if (!(await feedbackRepository.markGiven(tx, enrolment.id))) throw new ValidationError([{ field: 'rating', message: 'seminare:feedback.already' }]);
    await feedbackRepository.insertAnswer(tx, { seminarId: session.seminarId, rating: answer.rating, comment: answer.comment, answeredOn: berlinDate(ctx.deps.clock.now()) });
  });
}

export interface FeedbackResults {
  seminar: { id: string; title: string };
  count: number;
  /** Only from MIN_ANSWERS answers on: */
  enough: boolean;
  average?: number | undefined;
  /** Answers per rating 5…1. */
  distribution?: { rating: number; count: number }[] | undefined;
  /** Non-empty free texts, sorted alphabetically (the order of answers is not kept). */
  comments?: string[] | undefined;
}

/** The aggregate of a seminar's feedback for its trainer or the training office. */
export async function feedbackResults(ctx: SeminarCtx, actor: Actor, seminarId: string): Promise<FeedbackResults> {
  const seminar = isUuid(seminarId) ? await catalogueRepository.seminarById(ctx.tdb, seminarId) : undefined;
  if (!seminar || !(can(ctx, actor, 'seminare.manage') || (can(ctx, actor, 'seminare.attendance') && seminar.trainerUserId === actor.userId))) throw new NotFoundError();
  const answers = await feedbackRepository.answersOf(ctx.tdb, seminar.id);
  await audit(ctx, ctx.tdb, actor, 'seminare.feedback_viewed', 'seminar', seminar.id, `answers=${answers.length}`);
  const base = { seminar: { id: seminar.id, title: seminar.title }, count: answers.length };
  if (answers.length < MIN_ANSWERS) return { ...base, enough: false };
  return {
    ...base,
    enough: true,
    average: Math.round((answers.reduce((sum, a) => sum + a.rating, 0) / answers.length) * 10) / 10,
    distribution: RATINGS.map((rating) => ({ rating, count: answers.filter((a) => a.rating === rating).length })),
    comments: answers
      .map((a) => a.comment)
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b, 'de')),
  };
}
