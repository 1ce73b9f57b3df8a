// Ids from addresses, forms and file names, checked before any query or file path: a malformed id is a 404 (or a
// name no store wrote), never a database error. Lower case only, as PostgreSQL and randomUUID write them (ADR 0402).
import { z } from 'zod';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isUuid = (value: string): boolean => uuidPattern.test(value);

/** A form or query field that must hold such an id (z.uuid() also checks version bits and accepts upper case). */
export const uuidString = z.string().regex(uuidPattern);
