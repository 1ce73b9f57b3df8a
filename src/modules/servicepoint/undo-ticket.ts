// The undo ticket of the desk's quick actions (call, done, no-show; doc/adr/0305-desk-undo-on-the-server.md): what
// the visit and its appointment were before and after the action, who did it where, and until when it may be taken
// back, signed with SECRET_KEY for this tenant. undo.service.ts takes an action back with it.
import { z } from 'zod';
import { keyedHash, safeEqual } from '#shared/crypto.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { appointmentStatuses, type Appointment, type StatusMark } from '../termine/index.js';
import type { StaffPrincipal } from '../staff/index.js';
import { visitStatuses, type Visit } from './servicepoint.tables.js';

/** What signing needs of the desk's context. */
interface Signer {
  tenant: Tenant;
  deps: AppDeps;
  staff?: StaffPrincipal | undefined;
}

/** How long an action can be taken back, in seconds (ADR 0305). */
export const UNDO_SECONDS = 30;
export const undoActions = ['call', 'done', 'no_show', 'appointment_no_show'] as const;
export type UndoAction = (typeof undoActions)[number];

const time = z.number().int().nullable();
const visitMark = z.object({ status: z.enum(visitStatuses), counter: z.string().nullable(), calledAt: time, calledBy: z.string().nullable(), doneAt: time });
const appointmentMark = z.object({ status: z.enum(appointmentStatuses), changedAt: time });
const ticketSchema = z.object({
  action: z.enum(undoActions),
  userId: z.string(),
  locationId: z.string(),
  expiresAt: z.number().int(),
  ticket: z.number().int().optional(),
  visit: z.object({ id: z.string(), before: visitMark, after: visitMark }).optional(),
  appointment: z.object({ id: z.string(), before: appointmentMark, after: appointmentMark }).optional(),
});
export type UndoTicket = z.infer<typeof ticketSchema>;
export type VisitMark = z.infer<typeof visitMark>;
export type AppointmentMark = z.infer<typeof appointmentMark>;

const ms = (d: Date | null) => (d ? d.getTime() : null);
const date = (n: number | null) => (n === null ? null : new Date(n));
export const markOfVisit = (v: Visit): VisitMark => ({ status: v.status, counter: v.counter, calledAt: ms(v.calledAt), calledBy: v.calledBy, doneAt: ms(v.doneAt) });
export const markOfAppointment = (a: Appointment): AppointmentMark => ({ status: a.status, changedAt: ms(a.statusChangedAt) });
export const visitState = (m: VisitMark) => ({ status: m.status, counter: m.counter, calledAt: date(m.calledAt), calledBy: m.calledBy, doneAt: date(m.doneAt) });
export const statusMark = (m: AppointmentMark): StatusMark => ({ status: m.status, statusChangedAt: date(m.changedAt) });

const signature = (ctx: Signer, payload: string) => keyedHash(ctx.deps.config.secretKey, ['servicepoint-undo', ctx.tenant.id, payload], 'base64url');

/** The signed undo ticket of an action just saved by this staff member at this location. */
export function issueUndo(ctx: Signer, fields: Omit<UndoTicket, 'userId' | 'expiresAt'>): string {
  const ticket: UndoTicket = { ...fields, userId: ctx.staff!.userId, expiresAt: ctx.deps.clock.now().getTime() + UNDO_SECONDS * 1000 };
  const payload = Buffer.from(JSON.stringify(ticket)).toString('base64url');
  return `${payload}.${signature(ctx, payload)}`;
}

/** The ticket when it was signed by us for this tenant; undefined for anything else. */
export function readUndo(ctx: Signer, token: string): UndoTicket | undefined {
  const [payload, sig, ...rest] = token.split('.');
  if (!payload || !sig || rest.length > 0 || !safeEqual(sig, signature(ctx, payload))) return undefined;
  try {
    const parsed = ticketSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

