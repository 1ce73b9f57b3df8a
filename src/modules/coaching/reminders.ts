// Reminders of the coaching, written to the mail outbox by a job: the review of a Kooperationsplan (§ 15 Abs. 3
// SGB II) to the coach, and a Kammer exam to the coach and the participant. Each is sent once. The mails carry no
// name of the participant, only a link into the staff area (coach) or the exam itself (participant).
import { and, eq, isNull, lte } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { fixedT } from '#shared/i18n/index.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import type { AppDeps } from '#shared/module.js';
import { staffContacts } from '../staff/index.js';
import * as repo from './coaching.repository.js';
import { coachingPlaene } from './coaching.tables.js';
import * as exams from './pruefung.repository.js';
import { formatDayShort } from '#shared/time.js';
import { berlinToday } from './rules.js';

/** The coach hears of a plan review this many days ahead. */
export const REVIEW_LEAD_DAYS = 14;
/** Coach and participant hear of an exam this many days ahead. */
export const EXAM_LEAD_DAYS = 7;

const plus = (isoDate: string, days: number) => DateTime.fromISO(isoDate).plus({ days }).toISODate()!;

export async function sendReminders(deps: AppDeps, tdb: TenantDb, tenant: { slug: string; name: string }): Promise<{ reviews: number; exams: number }> {
  const t = fixedT('de');
  const now = deps.clock.now();
  const today = berlinToday(now);
  const staffUrl = (id: string) => `${deps.config.publicUrl.replace(/\/$/, '')}/t/${tenant.slug}/staff/coaching/${id}`;
  const coachMail = async (coachId: string) => (await staffContacts(tdb, [coachId])).find((c) => c.active)?.email;
  let reviews = 0;
  const plans = await tdb.select(coachingPlaene, and(isNull(coachingPlaene.reviewRemindedAt), lte(coachingPlaene.reviewOn, plus(today, REVIEW_LEAD_DAYS))));
  for (const plan of plans) {
    const latest = await repo.latestPlan(tdb, plan.teilnehmendeId);
    const tn = await repo.teilnehmendeById(tdb, plan.teilnehmendeId);
    // Superseded versions and ended coachings need no review; they are marked so the job skips them next time.
    const to = latest?.id === plan.id && tn && tn.phase !== 'beendet' ? await coachMail(tn.coachId) : undefined;
    await tdb.transaction(async (tx) => {
      if (to) {
        const params = { date: formatDayShort(plan.reviewOn, 'de'), url: staffUrl(plan.teilnehmendeId), tenant: tenant.name };
        await enqueueMail(tx, { kind: 'coaching.review', to, subject: t('coaching:mail.review.subject', params), text: t('coaching:mail.review.text', params) });
        reviews++;
      }
      await tx.update(coachingPlaene, { reviewRemindedAt: now }, eq(coachingPlaene.id, plan.id));
    });
  }
  let examCount = 0;
  for (const exam of await exams.pruefungenDueForReminder(tdb, today, plus(today, EXAM_LEAD_DAYS))) {
    const tn = await repo.teilnehmendeById(tdb, exam.teilnehmendeId);
    if (!tn) continue;
    const coach = tn.phase === 'beendet' ? undefined : await coachMail(tn.coachId);
    const params = { title: exam.title, kammer: exam.kammer, date: formatDayShort(exam.examOn, 'de'), url: staffUrl(tn.id), tenant: tenant.name };
    await tdb.transaction(async (tx) => {
      if (coach) await enqueueMail(tx, { kind: 'coaching.exam', to: coach, subject: t('coaching:mail.examCoach.subject', params), text: t('coaching:mail.examCoach.text', params) });
      if (tn.email && tn.phase !== 'beendet') {
        // The participant's mail in their language, with the date in its format.
        const own = fixedT(tn.mailLanguage);
        const ownParams = { ...params, date: formatDayShort(exam.examOn, tn.mailLanguage) };
        await enqueueMail(tx, { kind: 'coaching.exam', to: tn.email, subject: own('coaching:mail.examParticipant.subject', ownParams), text: own('coaching:mail.examParticipant.text', ownParams) });
      }
      await exams.markPruefungReminded(tx, exam.id, now);
    });
    examCount++;
  }
  return { reviews, exams: examCount };
}
