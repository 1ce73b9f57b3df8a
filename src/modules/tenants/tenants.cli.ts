// `npm run admin -- create-tenant …`: a new tenant from the shell (a new installation has none but the demo).
import { parseArgs } from 'node:util';
import { CliError } from '#shared/cli.js';
import { ValidationError } from '#shared/http/errors.js';
import { safeParseForm } from '#shared/http/validation.js';
import { fixedT } from '#shared/i18n/index.js';
import type { AppDeps } from '#shared/module.js';
import { createTenant } from './tenants.service.js';
import { newTenantSchema } from './tenants.schemas.js';

/** Command-line option of each field. */
const options = {
  slug: 'slug',
  name: 'name',
  shortName: 'short-name',
  street: 'street',
  postalCode: 'postal-code',
  city: 'city',
  phone: 'phone',
  email: 'email',
} as const;

export const tenantUsage = `Usage:
  npm run admin -- create-tenant --slug <slug> --name "<full name>" --short-name "<short name>"
      --street "<street and number>" --postal-code <12345> --city <city> --phone "<phone>" --email <address>

The slug is the tenant's address: <PUBLIC_URL>/t/<slug>. Then create its first administrator with
  npm run admin -- create-user --tenant <slug> --email <address> --role tenant_admin`;

/** Validates the options with the platform page's rules; returns what to print, throws CliError naming each bad option. */
export async function runTenantCli(argv: string[], deps: AppDeps): Promise<string> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args: argv, options: Object.fromEntries(Object.values(options).map((o) => [o, { type: 'string' as const }])), strict: true }).values as Record<string, string | undefined>;
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n\n${tenantUsage}`);
  }
  const input = Object.fromEntries(Object.entries(options).map(([field, option]) => [field, values[option] ?? '']));
  const t = fixedT('en');
  const explain = (errors: { field: string; message: string; params?: Record<string, unknown> | undefined }[]) =>
    new CliError(errors.map((e) => `--${options[e.field as keyof typeof options] ?? e.field}: ${t(e.message, e.params ?? {})}`).join('\n'));
  const parsed = safeParseForm(newTenantSchema, input);
  if (!parsed.ok) throw explain(parsed.errors);
  try {
    const tenant = await createTenant(deps, parsed.data, { userId: null, roles: [], tenantId: null });
    return `Created tenant ${tenant.slug} (${tenant.name}): ${deps.config.publicUrl}/t/${tenant.slug}\nNext: npm run admin -- create-user --tenant ${tenant.slug} --email <address> --role tenant_admin\n`;
  } catch (err) {
    if (err instanceof ValidationError) throw explain(err.fields);
    throw err;
  }
}
