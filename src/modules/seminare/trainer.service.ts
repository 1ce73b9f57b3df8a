// Personal links for external trainers: the training office issues one per session; it opens the attendance
// lists of that session only (no other session, no other data) until 14 days after the last day. The token is
// shown once and stored only as its hash; a new link replaces the old one.
import { hashToken, newToken, TOKEN_PATTERN } from '#shared/crypto.js';
import { NotFoundError, ValidationError } from '#shared/http/errors.js';
import { isUuid } from '#shared/ids.js';
import { assertCan, type Actor, type SeminarCtx } from './context.js';
import { sheetOf, recordAttendance } from './certificates.service.js';
import { audit } from './enrolment.service.js';
import * as sessionsRepository from './sessions.repository.js';
import * as trainerLinksRepository from './trainer-links.repository.js';

export const LINK_DAYS_AFTER = 14;
const LINK_ACTOR: Actor = { userId: '', roles: ['trainer-link'] };

export function trainerUrl(ctx: SeminarCtx, token: string): string {
  return `${ctx.deps.config.publicUrl.replace(/\/$/, '')}/t/${ctx.tenant.slug}/seminare/referent/${token}`;
}

/** Until when a trainer link of a session with these days works (14 days after the last day). */
export function trainerLinkExpiry(days: readonly { endsAt: Date }[], now: Date): Date {
  return new Date((days.at(-1)?.endsAt ?? now).getTime() + LINK_DAYS_AFTER * 86_400_000);
}

/** Issues the session's trainer link (replacing an earlier one); returns the URL, to be shown once. */
export async function issueTrainerLink(ctx: SeminarCtx, actor: Actor, sessionId: string): Promise<string> {
  assertCan(ctx, actor, 'seminare.manage');
  const session = isUuid(sessionId) ? await sessionsRepository.byId(ctx.tdb, sessionId) : undefined;
  if (!session) throw new NotFoundError();
  const days = await sessionsRepository.days(ctx.tdb, [session.id]);
  const now = ctx.deps.clock.now();
  const expiresAt = trainerLinkExpiry(days, now);
  // A link past its window would open nothing: say so instead of handing out a dead link.
  if (expiresAt <= now) throw new ValidationError([{ field: 'trainerLink', message: 'seminare:trainerLink.tooLate' }]);
  const token = newToken();
  await ctx.tdb.transaction(async (tx) => {
    await trainerLinksRepository.removeOfSession(tx, session.id);
    await trainerLinksRepository.insert(tx, { sessionId: session.id, tokenHash: hashToken(token), expiresAt, createdAt: now });
    await audit(ctx, tx, actor, 'seminare.trainer_link_issued', 'seminar_session', session.id);
  });
  return trainerUrl(ctx, token);
}

async function sessionOfLink(ctx: SeminarCtx, token: string): Promise<string> {
  const link = TOKEN_PATTERN.test(token) ? await trainerLinksRepository.live(ctx.tdb, hashToken(token), ctx.deps.clock.now()) : undefined;
  if (!link) throw new NotFoundError();
  return link.sessionId;
}

/** The attendance sheet of the link's session. */
export async function trainerSheet(ctx: SeminarCtx, token: string) {
  return sheetOf(ctx, undefined, await sessionOfLink(ctx, token));
}

/** Records a day's attendance through the link; the day must belong to the link's session. */
export async function trainerRecord(ctx: SeminarCtx, token: string, dayId: string, entries: { enrolmentId: string; percent: number }[], recordedBy: string) {
  await recordAttendance(ctx, LINK_ACTOR, await sessionOfLink(ctx, token), dayId, entries, recordedBy);
}
