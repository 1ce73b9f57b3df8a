// Ids from addresses, forms, JSON bodies and file names, checked before any query or file path: a malformed id is a
// 404 or a field error (or a name no store wrote), never a database error. Lower case only, as PostgreSQL and
// randomUUID write them (ADR 0402); the JSON API checks its ids the same way (ADR 0404).
import { z } from 'zod';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isUuid = (value: string): boolean => uuidPattern.test(value);

/**
 * A path, query, form or JSON field that must hold such an id; `error` is the i18n key of the message that names
 * the field, for any wrong or missing value. The OpenAPI document shows `format: uuid` and the lower-case pattern.
 */
export const uuidField = (error: string) => z.string({ error }).regex(uuidPattern, { error }).meta({ format: 'uuid' });

/**
 * The same with the generic message (common:validation.id; a missing value is "required"): path ids of the JSON
 * API, responses, and filters that drop a wrong value. z.uuid() is not used: it accepts upper case.
 */
export const uuidString = z.string().regex(uuidPattern, { error: 'common:validation.id' }).meta({ format: 'uuid' });
