// Errors and signals of the booking use cases, and the retry of transactions PostgreSQL aborted.
import { ConflictError } from '#shared/http/errors.js';
import type { FreeTime } from './availability.js';
import type { SlotQuery } from './availability.service.js';
import type { LocalDate } from './holidays.js';

/** 409: the seat went to someone else; carries the next free times so the page can offer them at once. */
export class SlotTakenError extends ConflictError {
  constructor(
    readonly nextTimes: (FreeTime & { date: LocalDate })[],
    readonly query: SlotQuery,
  ) {
    super('termine:errors.slotTaken');
  }
}

/** Thrown inside a transaction to roll it back because no seat was free; turned into SlotTakenError outside. */
export class NoSeatSignal extends Error {}

/** Another request with the same Idempotency-Key or hold finished first: answer with its result. */
export class AlreadyDoneSignal extends Error {}

function codeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Runs `fn` again (up to 3 times) when PostgreSQL aborted it for a deadlock or serialization failure. */
export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = codeOf(err);
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw err;
    }
  }
}
