// Recognising database errors the code recovers from, the same for pg and PGlite.

/** PostgreSQL's unique_violation (23505), from pg or PGlite, possibly wrapped by drizzle (as `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
