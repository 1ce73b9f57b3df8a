// Reminders of the seminar programme, sent by the job `seminare.reminders` through the outbox, each exactly once
// (a key per reminder in seminar_reminders, claimed in the transaction that writes the mail):
// - a request waiting for a decision for APPROVAL_REMINDER_DAYS → its approvers (team leads or training office);
// - a mandatory training never done, or expiring within EXPIRY_WARNING_DAYS (or expired) → the person and the
//   leads of their teams (Art. 39 Abs. 1 lit. b DSGVO training; doc/domain/seminare.md);
// - a confirmed session starting within SESSION_REMINDER_HOURS → the participant, with the calendar file;
// - a session whose last day ended within FEEDBACK_INVITE_DAYS → each participant who attended, with the link to
//   the anonymous feedback survey (feedback.service.ts).
import { DateTime } from 'luxon';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { fixedT } from '#shared/i18n/index.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import { staffContacts, teamService, type StaffContact } from '../staff/index.js';
import { isMandatoryFor } from './mandatory.js';
import { feedbackOpen } from './feedback.service.js';
import { staffUrl, type SeminarCtx } from './context.js';
import { tellApprovers } from './enrolment.service.js';
import { formatDateMedium } from '#shared/time.js';
import { notify } from './notify.js';
import * as catalogueRepository from './catalogue.repository.js';
import * as certificatesRepository from './certificates.repository.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import * as remindersRepository from './reminders.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import type { Seminar } from './seminare.tables.js';

export const APPROVAL_REMINDER_DAYS = 3;
export const EXPIRY_WARNING_DAYS = 60;
export const SESSION_REMINDER_HOURS = 48;
export const FEEDBACK_INVITE_DAYS = 14;
const DAY = 86_400_000;

/** Runs `send` in a transaction only if `key` was not claimed before; returns whether it ran. */
async function once(ctx: SeminarCtx, key: string, send: (tx: TenantDb) => Promise<void>): Promise<boolean> {
  return ctx.tdb.transaction(async (tx) => {
    if (!(await remindersRepository.claim(tx, key, ctx.deps.clock.now()))) return false;
    await send(tx);
    return true;
  });
}

async function approvalReminders(ctx: SeminarCtx): Promise<number> {
  const before = new Date(ctx.deps.clock.now().getTime() - APPROVAL_REMINDER_DAYS * DAY);
  let sent = 0;
  for (const e of await enrolmentsRepository.withStatus(ctx.tdb, ['pending_lead', 'pending_hr'])) {
    if (e.updatedAt > before) continue;
    const session = (await sessionsRepository.byId(ctx.tdb, e.sessionId))!;
    if (await once(ctx, `approval:${e.id}:${e.status}`, (tx) => tellApprovers(ctx, tx, e, session, true))) sent++;
  }
  return sent;
}

async function mandatoryMail(ctx: SeminarCtx, tx: TenantDb, to: StaffContact, person: StaffContact, seminar: Seminar, kind: 'mandatoryDue' | 'mandatoryExpiring', validUntil?: Date) {
  const t = fixedT('de');
  const self = to.id === person.id;
  const params = { name: to.displayName, person: person.displayName, title: seminar.title, until: validUntil ? formatDateMedium(validUntil, 'de') : '', link: staffUrl(ctx, self ? '/meine' : ''), tenant: ctx.tenant.name };
  const key = `seminare:mail.${kind}.${self ? 'self' : 'lead'}`;
  await enqueueMail(tx, {
    kind: `seminare.${kind}`,
    to: to.email,
    subject: t(`seminare:mail.${kind}.subject`, params),
    text: `${t('seminare:mail.greeting', params)}\n\n${t(key, params)}\n\n${t('seminare:mail.footer', params)}`,
  });
}

async function mandatoryReminders(ctx: SeminarCtx): Promise<number> {
  const now = ctx.deps.clock.now();
  const mandatory = (await catalogueRepository.search(ctx.tdb, {})).filter((s) => s.mandatoryForRoles.length || s.mandatoryForTeams.length);
  if (!mandatory.length) return 0;
  const done = await certificatesRepository.bySeminar(ctx.tdb);
  let sent = 0;
  for (const person of (await staffContacts(ctx.tdb)).filter((c) => c.active)) {
    const teamIds = (await teamService.teamsOf(ctx.tdb, person.id)).map((t) => t.id);
    for (const seminar of mandatory.filter((s) => isMandatoryFor(s, person.roles, teamIds))) {
      const last = done.filter((d) => d.userId === person.id && d.seminarId === seminar.id).sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())[0];
      const validUntil = last && seminar.validityMonths ? DateTime.fromJSDate(last.issuedAt).plus({ months: seminar.validityMonths }).toJSDate() : undefined;
      if (last && (!validUntil || validUntil.getTime() - now.getTime() > EXPIRY_WARNING_DAYS * DAY)) continue;
      const kind = last ? 'mandatoryExpiring' : 'mandatoryDue';
      const key = `mandatory:${person.id}:${seminar.id}:${validUntil ? validUntil.toISOString().slice(0, 10) : 'due'}`;
      const leads = (await teamService.leadsOf(ctx.tdb, person.id)).map((l) => l.userId);
      const leadContacts = leads.length ? (await staffContacts(ctx.tdb, leads)).filter((c) => c.active) : [];
      const ran = await once(ctx, key, async (tx) => {
        for (const to of [person, ...leadContacts]) await mandatoryMail(ctx, tx, to, person, seminar, kind, validUntil);
      });
      if (ran) sent++;
    }
  }
  return sent;
}

async function sessionReminders(ctx: SeminarCtx): Promise<number> {
  const now = ctx.deps.clock.now();
  const confirmed = await enrolmentsRepository.withStatus(ctx.tdb, ['confirmed']);
  const sessionIds = [...new Set(confirmed.map((e) => e.sessionId))];
  const firstDay = new Map<string, Date>();
  for (const d of await sessionsRepository.days(ctx.tdb, sessionIds)) if (!firstDay.has(d.sessionId)) firstDay.set(d.sessionId, d.startsAt);
  let sent = 0;
  for (const e of confirmed) {
    const starts = firstDay.get(e.sessionId);
    if (!starts || starts <= now || starts.getTime() - now.getTime() > SESSION_REMINDER_HOURS * 3_600_000) continue;
    const session = (await sessionsRepository.byId(ctx.tdb, e.sessionId))!;
    if (session.status !== 'planned') continue;
    if (await once(ctx, `session:${e.id}`, (tx) => notify(ctx, tx, e, session, 'sessionReminder'))) sent++;
  }
  return sent;
}

async function feedbackInvitations(ctx: SeminarCtx): Promise<number> {
  const now = ctx.deps.clock.now();
  const confirmed = await enrolmentsRepository.withStatus(ctx.tdb, ['confirmed']);
  const lastDay = new Map<string, Date>();
  for (const d of await sessionsRepository.days(ctx.tdb, [...new Set(confirmed.map((e) => e.sessionId))])) lastDay.set(d.sessionId, d.endsAt);
  const recent = confirmed.filter((e) => {
    const ended = lastDay.get(e.sessionId);
    return ended !== undefined && ended <= now && now.getTime() - ended.getTime() <= FEEDBACK_INVITE_DAYS * DAY;
  });
  const open = await feedbackOpen(ctx, recent);
  let sent = 0;
  for (const e of recent.filter((x) => open.has(x.id))) {
    const session = (await sessionsRepository.byId(ctx.tdb, e.sessionId))!;
    if (await once(ctx, `feedback:${e.id}`, (tx) => notify(ctx, tx, e, session, 'feedbackInvite'))) sent++;
  }
  return sent;
}

/** All reminders that are due now; returns how many were sent (each at most once, ever). */
export async function sendReminders(ctx: SeminarCtx): Promise<{ approvals: number; mandatory: number; sessions: number; feedback: number }> {
  return { approvals: await approvalReminders(ctx), mandatory: await mandatoryReminders(ctx), sessions: await sessionReminders(ctx), feedback: await feedbackInvitations(ctx) };
}
