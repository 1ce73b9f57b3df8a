// What a new tenant needs: its slug (the path segment /t/<slug>), its name and the contact data shown on every
// page. Used by the platform page and by `npm run admin -- create-tenant` alike.
import { z } from 'zod';
import { textInput } from '#shared/http/text.js';

/** Lower-case letters, digits and inner hyphens, 3–40 characters: readable in a URL and never a path of its own. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;
/** Path segments the platform itself uses next to /t/<slug> (kept free for clarity, though tenants live below /t/). */
const reservedSlugs = new Set(['api', 'assets', 'health', 'staff', 'admin', 'static', 'www']);

export const newTenantSchema = z.object({
  slug: textInput({ min: 1, max: 40 })
    .transform((v) => v.toLowerCase())
    .pipe(z.string().regex(SLUG, 'tenants:validation.slug').refine((v) => !reservedSlugs.has(v), 'tenants:validation.slugReserved')),
  name: textInput({ min: 3, max: 200 }),
  shortName: textInput({ min: 2, max: 80 }),
  street: textInput({ min: 3, max: 200 }),
  postalCode: textInput({ min: 1, max: 5 }).pipe(z.string().regex(/^\d{5}$/, 'tenants:validation.postalCode')),
  city: textInput({ min: 2, max: 100 }),
  phone: textInput({ min: 3, max: 40 }).pipe(z.string().regex(/^[0-9+()\-/ ]+$/, 'tenants:validation.phone')),
  email: textInput({ min: 1, max: 200 }).pipe(z.email()),
});
export type NewTenantInput = z.output<typeof newTenantSchema>;
