// The participant's personal link (no account): issuing and revoking it (coach), and what the link opens —
// plan, next steps, messages — with comments on activities and agreement to the plan (participant).
import { hashToken, newToken, TOKEN_PATTERN } from '#shared/crypto.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { NotFoundError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit, type AuditAction } from '#shared/audit/index.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import { fixedT } from '#shared/i18n/index.js';
import type { StaffPrincipal } from '../staff/index.js';
import * as repo from './coaching.repository.js';
import type { z } from 'zod';
import type { angstForm } from './pruefung.schemas.js';
import { addAngstByParticipant } from './pruefung.service.js';
import { trackOf, type ExamTrack } from './pruefung.repository.js';
import { accessTo, agreePlan } from './coaching.service.js';
import type { Aktivitaet, Nachricht, Plan, Teilnehmende } from './coaching.tables.js';
import { berlinToday } from './rules.js';

/** Writes through a personal link (comments, agreement) per IP: plenty for a person, little for a script. */
export const participantWrites = { name: 'coaching-write', max: 20, windowMs: 10 * 60_000 };

/** A link is valid for this long; the coach issues a new one (or the participant asks for one) afterwards. */
export const LINK_DAYS = 180;

/** The personal link; in the participant's language when that is not German (the page opens in it). */
export function participantUrl(publicUrl: string, slug: string, token: string, lang = 'de'): string {
  return `${publicUrl.replace(/\/$/, '')}/t/${slug}/coaching/mein-plan/${token}${lang === 'de' ? '' : `?lang=${lang}`}`;
}

/** Link requests by the participant: at most one new link per person in this time (the mail may take a while). */
export const REISSUE_COOLDOWN_MS = 15 * 60_000;

/**
 * Revokes the person's links, stores the hash of a new one and, if wanted and possible, mails it (outbox) in the
 * participant's language.
 */
async function newLink(deps: AppDeps, tx: TenantDb, tn: Teilnehmende, tenant: { slug: string; name: string }, sendMail: boolean) {
  const token = newToken();
  const url = participantUrl(deps.config.publicUrl, tenant.slug, token, tn.mailLanguage);
  const now = deps.clock.now();
  await repo.revokeLinks(tx, tn.id, now);
  await repo.insertLink(tx, { teilnehmendeId: tn.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + LINK_DAYS * 86_400_000), createdAt: now });
  const mailed = Boolean(sendMail && tn.email);
  if (sendMail && tn.email) {
    const t = fixedT(tn.mailLanguage);
    const params = { name: `${tn.givenName} ${tn.familyName}`, tenant: tenant.name, url, days: LINK_DAYS };
    await enqueueMail(tx, { kind: 'coaching.link', to: tn.email, subject: t('coaching:mail.link.subject', params), text: t('coaching:mail.link.text', params) });
  }
  return { url, mailed };
}

/**
 * Issues a new personal link and revokes the previous ones. The token is shown once (to the coach, or sent by mail
 * through the outbox) and stored only as its hash.
 */
export async function issueLink(
  deps: AppDeps,
  tdb: TenantDb,
  staff: StaffPrincipal,
  id: string,
  tenant: { slug: string; name: string },
  sendMail: boolean,
): Promise<{ url: string; mailed: boolean }> {
  const { tn, zugang } = await accessTo(deps, tdb, staff, id);
  if (zugang !== 'coach') throw new NotFoundError();
  return tdb.transaction(async (tx) => {
    const issued = await newLink(deps, tx, tn, tenant, sendMail);
    await recordAudit(tx, { actorId: staff.userId, actorRoles: staff.roles, action: 'coaching.link.issue', objectType: 'coaching_teilnehmende', objectId: tn.id, purpose: issued.mailed ? 'mail' : 'shown', at: deps.clock.now() });
    return issued;
  });
}

/**
 * The participant asks for a new link with their e-mail address. Whether the address is known is never revealed:
 * the page says the same either way, and the mail goes only to the address stored for the person. A person gets at
 * most one new link per REISSUE_COOLDOWN_MS; the route adds a per-address limit on requests.
 */
export async function requestNewLink(deps: AppDeps, tdb: TenantDb, email: string, tenant: { slug: string; name: string }): Promise<void> {
  const now = deps.clock.now();
  for (const tn of await repo.teilnehmendeByEmail(tdb, email)) {
    if (tn.phase === 'beendet') continue;
    const last = await repo.newestLink(tdb, tn.id);
    if (last && now.getTime() - last.createdAt.getTime() < REISSUE_COOLDOWN_MS) continue;
    await tdb.transaction(async (tx) => {
      await newLink(deps, tx, tn, tenant, true);
      await participantAudit(deps, tx, tn, 'coaching.link.reissue');
    });
  }
}

export async function revokeLinks(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<void> {
  const { tn, zugang } = await accessTo(deps, tdb, staff, id);
  if (zugang !== 'coach') throw new NotFoundError();
  const now = deps.clock.now();
  await tdb.transaction(async (tx) => {
    await repo.revokeLinks(tx, tn.id, now);
    await recordAudit(tx, { actorId: staff.userId, actorRoles: staff.roles, action: 'coaching.link.revoke', objectType: 'coaching_teilnehmende', objectId: tn.id, at: now });
  });
}

export interface ParticipantView {
  tn: Pick<Teilnehmende, 'givenName' | 'familyName' | 'phase'>;
  plan: Plan | undefined;
  aktivitaeten: Aktivitaet[];
  nachrichten: Nachricht[];
  /** Exams, preparation sessions and own anxiety ratings (no vouchers). */
  track: Omit<ExamTrack, 'gutscheine'>;
  today: string;
}

async function byToken(deps: AppDeps, tdb: TenantDb, token: string): Promise<Teilnehmende> {
  if (!TOKEN_PATTERN.test(token)) throw new NotFoundError('coaching:participant.linkInvalid');
  const link = await repo.validLink(tdb, hashToken(token), deps.clock.now());
  const tn = link && (await repo.teilnehmendeById(tdb, link.teilnehmendeId));
  if (!tn) throw new NotFoundError('coaching:participant.linkInvalid');
  return tn;
}

const participantAudit = (deps: AppDeps, tx: TenantDb, tn: Teilnehmende, action: AuditAction) =>
  recordAudit(tx, { actorId: null, actorRoles: ['teilnehmende'], action, objectType: 'coaching_teilnehmende', objectId: tn.id, at: deps.clock.now() });

/** What the personal link shows: plan, steps and messages — never the analysis notes or the restricted section. */
export async function participantView(deps: AppDeps, tdb: TenantDb, token: string): Promise<ParticipantView> {
  const tn = await byToken(deps, tdb, token);
  const aktivitaeten = (await repo.aktivitaetenOf(tdb, tn.id)).filter((a) => a.status !== 'abgebrochen');
  await participantAudit(deps, tdb, tn, 'coaching.link.view');
  return {
    tn: { givenName: tn.givenName, familyName: tn.familyName, phase: tn.phase },
    plan: await repo.latestPlan(tdb, tn.id),
    aktivitaeten,
    nachrichten: await repo.nachrichtenOfActivities(tdb, aktivitaeten.map((a) => a.id)),
    track: await trackOf(tdb, tn.id),
    today: berlinToday(deps.clock.now()),
  };
}

/** The participant writes in an activity's thread; the activity then waits for the coach. */
export async function participantComment(deps: AppDeps, tdb: TenantDb, token: string, aktivitaetId: string, text: string): Promise<void> {
  const tn = await byToken(deps, tdb, token);
  await tdb.transaction(async (tx) => {
    if (!(await repo.aktivitaetById(tx, tn.id, aktivitaetId))) throw new NotFoundError();
    await repo.insertNachricht(tx, { aktivitaetId, author: 'teilnehmende', authorId: null, text, createdAt: deps.clock.now() });
    await repo.updateAktivitaet(tx, tn.id, aktivitaetId, { wartetAuf: 'coach' });
    await participantAudit(deps, tx, tn, 'coaching.link.comment');
  });
}

/** The participant agrees to the latest plan online. */
export async function participantAgrees(deps: AppDeps, tdb: TenantDb, token: string): Promise<void> {
  const tn = await byToken(deps, tdb, token);
  await tdb.transaction(async (tx) => {
    await agreePlan(deps, tx, tn.id, 'link');
    await participantAudit(deps, tx, tn, 'coaching.plan.agree');
  });
}

/** The participant rates their exam anxiety (before or after a session). */
export async function participantRatesAnxiety(deps: AppDeps, tdb: TenantDb, token: string, input: z.output<typeof angstForm>): Promise<void> {
  const tn = await byToken(deps, tdb, token);
  await tdb.transaction(async (tx) => {
    await addAngstByParticipant(deps, tx, tn.id, input);
    await participantAudit(deps, tx, tn, 'coaching.link.angst');
  });
}
