// "Find my appointment": a lost confirmation mail is not a lost booking. The booking code (on the confirmation
// page) and the e-mail address together send a new personal link to that address. The answer is the same whether
// or not they matched (no way to learn who booked), and attempts are limited per IP address and per address.
import { safeEqual } from '#shared/crypto.js';
import type { TermineContext } from './availability.service.js';
import { bookingCodeOf } from './booking-code.js';
import * as bookings from './booking.repository.js';
import { issueLink, manageUrl, sendMail } from './booking.service.js';
import { enforceLimits, HOUR_MS } from './protection.js';
import * as repo from './termine.repository.js';

export const FIND_LIMITS = { perIpHour: 10, perEmailHour: 3 };

/** Sends the personal link again when code and address belong to a booked appointment; says nothing either way. */
export async function resendPersonalLink(ctx: TermineContext, input: { bookingCode: string; email: string }): Promise<void> {
  await enforceLimits(ctx, [
    { name: 'find:ip', subject: ctx.clientIp ?? '', max: FIND_LIMITS.perIpHour, windowMs: HOUR_MS },
    { name: 'find:email', subject: input.email, max: FIND_LIMITS.perEmailHour, windowMs: HOUR_MS },
  ]);
  const now = ctx.deps.clock.now();
  const match = (await bookings.futureBookedByEmail(ctx.tdb, input.email, now)).find((a) => safeEqual(bookingCodeOf(ctx, a.id), input.bookingCode));
  if (!match) return;
  const settings = await repo.getSettings(ctx.tdb);
  await ctx.tdb.transaction(async (tx) => {
    const link = await issueLink(ctx, tx, match, settings.retentionDays);
    await sendMail(ctx, tx, 'confirmation', match, { link: manageUrl(ctx, link, match.language) });
  });
}
