// zod schemas of the staff forms (login, second factor, passwords, administration).
import { z } from 'zod';
import { textInput } from '#shared/http/text.js';
import { roles } from './permissions.js';

const email = textInput().toLowerCase().pipe(z.email().max(254));
// Long passphrases are welcome; the cap only keeps hashing cheap for the server.
const password = z.string().min(1).max(1000);

export const loginSchema = z.object({ email, password, next: textInput({ max: 500 }).optional() });

export const codeSchema = z.object({ code: textInput({ max: 40 }).min(1), next: textInput({ max: 500 }).optional() });

export const newPasswordSchema = z
  .object({ password, confirm: z.string().min(1).max(1000) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'staff:password.mismatch' });

export const changePasswordSchema = z
  .object({ current: password, password, confirm: z.string().min(1).max(1000) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'staff:password.mismatch' });

export const forgotSchema = z.object({ email });

/** Checkboxes arrive as one string or several; none checked means the field is missing. */
const roleList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(roles)).min(1, { error: 'staff:admin.rolesRequired' }),
);

export const inviteSchema = z.object({ email, displayName: textInput({ max: 120 }).min(1), roles: roleList });
export const rolesSchema = z.object({ roles: roleList });
