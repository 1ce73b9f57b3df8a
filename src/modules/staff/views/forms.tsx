import type { FieldError } from '#shared/http/errors.js';

/** The error of one field, for the field components. */
export function errorFor(errors: FieldError[], field: string): FieldError | undefined {
  return errors.find((e) => e.field === field);
}
