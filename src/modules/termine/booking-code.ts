// The short booking code a citizen types at the Servicepoint kiosk or tells the desk. It lives here, beside the
// booking, because the confirmation page and mails show it; the Servicepoint desk imports it from index.ts.
import { keyedBytes } from '#shared/crypto.js';
import type { TermineContext } from './availability.service.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * 40 bits of an HMAC of the appointment id (not derivable from the id), Crockford base32, shown as "ABCD-2345".
 * The "servicepoint:" domain prefix is kept from where the code was introduced, so existing codes stay valid.
 */
export function bookingCode(secretKey: string, tenantId: string, appointmentId: string): string {
  const digest = keyedBytes(secretKey, `servicepoint:booking-code:${tenantId}:${appointmentId}`);
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(digest[i]!);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = CROCKFORD[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function bookingCodeOf(ctx: Pick<TermineContext, 'tenant' | 'deps'>, appointmentId: string): string {
  return bookingCode(ctx.deps.config.secretKey, ctx.tenant.id, appointmentId);
}
