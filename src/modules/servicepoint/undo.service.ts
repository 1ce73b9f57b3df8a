// Taking back a desk action (doc/adr/0305-desk-undo-on-the-server.md): the action was saved at once and its answer
// carried a signed undo ticket (undo-ticket.ts). Undo restores the "before" exactly, with one conditional UPDATE per
// row that only matches while the row is still as the action left it.
import { ConflictError } from '#shared/http/errors.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { bookingService } from '../termine/index.js';
import { audit, termineCtx, type DeskContext } from './desk.service.js';
import * as repo from './servicepoint.repository.js';
import { readUndo, statusMark, UNDO_SECONDS, visitState, type UndoTicket } from './undo-ticket.js';

async function restore(ctx: DeskContext, tx: TenantDb, ticket: UndoTicket): Promise<void> {
  if (ticket.visit) {
    const { id, before, after } = ticket.visit;
    const visit = await repo.restoreVisit(tx, id, ticket.locationId, visitState(after), visitState(before));
    if (!visit) throw new ConflictError('servicepoint:undo.changed');
  }
  if (ticket.appointment) {
    const { id, before, after } = ticket.appointment;
    try {
      await bookingService.restoreStatus(termineCtx(ctx, tx), id, statusMark(after), statusMark(before));
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError('servicepoint:undo.changed');
      throw error;
    }
  }
}

/**
 * Takes an action back: only within the window, only for the staff member who did it and at the same location,
 * only while nothing else happened to the visit or appointment since; audited. Refusals are conflicts (409).
 */
export async function undoAction(ctx: DeskContext, locationId: string, token: string): Promise<UndoTicket> {
  const ticket = readUndo(ctx, token);
  if (!ticket || ticket.userId !== ctx.staff?.userId || ticket.locationId !== locationId) throw new ConflictError('servicepoint:undo.notYours');
  if (ticket.expiresAt < ctx.deps.clock.now().getTime()) throw new ConflictError('servicepoint:undo.expired', { seconds: UNDO_SECONDS });
  await ctx.tdb.transaction(async (tx) => {
    await restore(ctx, tx, ticket);
    const [type, id] = ticket.visit ? (['servicepoint_visit', ticket.visit.id] as const) : (['termin_appointment', ticket.appointment!.id] as const);
    await audit(ctx, tx, 'servicepoint.undo', type, id, ticket.action);
  });
  return ticket;
}
