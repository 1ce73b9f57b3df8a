// A staff member's own view: their requests with status and offers, their certificates, and the training
// account (UE per year, mandatory trainings done, due or expired).
import { DateTime } from 'luxon';
import { staffContacts, teamService } from '../staff/index.js';
import { assertCan, type Actor, type SeminarCtx } from './context.js';
import { audit } from './enrolment.service.js';
import { feedbackOpen } from './feedback.service.js';
import { berlinYear } from '#shared/time.js';
import { isMandatoryFor } from './mandatory.js';
import * as catalogueRepository from './catalogue.repository.js';
import * as certificatesRepository from './certificates.repository.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import type { Seminar, SeminarCertificate, SeminarEnrolment, SeminarSessionDay } from './seminare.tables.js';

export interface MyEnrolment extends SeminarEnrolment {
  seminar: Seminar;
  days: SeminarSessionDay[];
  certificate: SeminarCertificate | undefined;
}

export interface MandatoryState {
  seminar: Seminar;
  /** 'done' (valid), 'due' (never done), 'expired' (validity over). */
  state: 'done' | 'due' | 'expired';
  validUntil: Date | undefined;
}


export async function myOverview(ctx: SeminarCtx, actor: Actor) {
  assertCan(ctx, actor, 'seminare.browse');
  const enrolments = await enrolmentsRepository.ofUser(ctx.tdb, actor.userId);
  const sessionIds = [...new Set(enrolments.map((e) => e.sessionId))];
  const sessions = await Promise.all(sessionIds.map((id) => sessionsRepository.byId(ctx.tdb, id)));
  const days = await sessionsRepository.days(ctx.tdb, sessionIds);
  const certificates = await certificatesRepository.ofEnrolments(ctx.tdb, enrolments.map((e) => e.id));
  const seminars = new Map<string, Seminar>();
  for (const s of sessions) if (s && !seminars.has(s.seminarId)) seminars.set(s.seminarId, (await catalogueRepository.seminarById(ctx.tdb, s.seminarId))!);
  const list: MyEnrolment[] = enrolments
    .map((e) => {
      const session = sessions.find((s) => s?.id === e.sessionId)!;
      return { ...e, seminar: seminars.get(session.seminarId)!, days: days.filter((d) => d.sessionId === e.sessionId), certificate: certificates.find((c) => c.enrolmentId === e.id && !c.revokedAt) };
    })
    .sort((a, b) => (b.days[0]?.startsAt.getTime() ?? 0) - (a.days[0]?.startsAt.getTime() ?? 0));

  const ueByYear = new Map<number, number>();
  for (const e of list) if (e.certificate) ueByYear.set(berlinYear(e.certificate.issuedAt), (ueByYear.get(berlinYear(e.certificate.issuedAt)) ?? 0) + e.certificate.ue);

  const now = ctx.deps.clock.now();
  const teamIds = (await teamService.teamsOf(ctx.tdb, actor.userId)).map((t) => t.id);
  const mandatory: MandatoryState[] = (await catalogueRepository.search(ctx.tdb, {}))
    .filter((s) => isMandatoryFor(s, actor.roles, teamIds))
    .map((seminar) => {
      const last = list.filter((e) => e.seminar.id === seminar.id && e.certificate).map((e) => e.certificate!.issuedAt).sort((a, b) => b.getTime() - a.getTime())[0];
      if (!last) return { seminar, state: 'due' as const, validUntil: undefined };
      const validUntil = seminar.validityMonths ? DateTime.fromJSDate(last).plus({ months: seminar.validityMonths }).toJSDate() : undefined;
      return { seminar, state: validUntil && validUntil <= now ? ('expired' as const) : ('done' as const), validUntil };
    });
  await audit(ctx, ctx.tdb, actor, 'seminare.own_overview', 'seminar_enrolment', null);
  const feedback = [...(await feedbackOpen(ctx, enrolments))];
  return { enrolments: list, feedback, ueByYear: [...ueByYear.entries()].sort((a, b) => b[0] - a[0]), mandatory };
}

/** Requests with their seminar, days and the person's name (for the approval queue). */
export async function withDetails(ctx: SeminarCtx, enrolments: SeminarEnrolment[]) {
  const sessionIds = [...new Set(enrolments.map((e) => e.sessionId))];
  const sessions = await Promise.all(sessionIds.map((id) => sessionsRepository.byId(ctx.tdb, id)));
  const days = await sessionsRepository.days(ctx.tdb, sessionIds);
  const names = new Map((await staffContacts(ctx.tdb, enrolments.map((e) => e.userId))).map((c) => [c.id, c.displayName]));
  const seminars = new Map<string, Seminar>();
  for (const s of sessions) if (s && !seminars.has(s.seminarId)) seminars.set(s.seminarId, (await catalogueRepository.seminarById(ctx.tdb, s.seminarId))!);
  return enrolments.map((e) => ({
    ...e,
    name: names.get(e.userId) ?? '',
    seminar: seminars.get(sessions.find((s) => s?.id === e.sessionId)!.seminarId)!,
    days: days.filter((d) => d.sessionId === e.sessionId),
  }));
}
