// The waiting-room display's content (numbers and counters only, no names).
import type { TenantDb } from '#shared/db/tenant-scope.js';
import * as repo from './servicepoint.repository.js';

export type { DisplayRow } from './servicepoint.repository.js';
export type DisplayState = Awaited<ReturnType<typeof repo.displayState>>;

export function displayState(tdb: TenantDb, locationId: string, localDay: string) {
  return repo.displayState(tdb, locationId, localDay);
}
