// The tenant setting for the BG-Nummer format (pattern and example). Read by the upload form,
// written by tenant administration through the module's index.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ValidationError } from '#shared/http/errors.js';
import { isValidBgNummer, type BgNummerFormat } from './bg-nummer.js';
import * as repo from './aufforderung.repository.js';

export function uploadBgNummerFormat(tdb: TenantDb): Promise<BgNummerFormat> {
  return repo.bgNummerFormat(tdb);
}

/** Saves a tenant's own format; the pattern must compile and its example must match it. */
export async function setBgNummerFormat(tdb: TenantDb, format: BgNummerFormat): Promise<void> {
  let compiles = true;
  try {
    new RegExp(`^(?:${format.pattern})$`, 'u');
  } catch {
    compiles = false;
  }
  if (!compiles || format.pattern.length > 200) throw new ValidationError([{ field: 'pattern', message: 'unterlagen:errors.pattern' }]);
  if (!isValidBgNummer(format.example, format)) throw new ValidationError([{ field: 'example', message: 'unterlagen:errors.patternExample' }]);
  await repo.saveBgNummerFormat(tdb, format);
}
