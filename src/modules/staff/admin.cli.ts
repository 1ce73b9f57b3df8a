// `npm run admin -- create-user`: a staff account from the shell (the first tenant admin of a new tenant).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CliError, maskEmail } from '#shared/cli.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import { tenantsRepository } from '#shared/tenancy/index.js';
import { isRole, roles } from './permissions.js';
import { createStaffUser, staffUserByEmail } from './users.service.js';

export const usage = `Usage:
  npm run admin -- create-user --tenant <slug> --email <address> --role <role> [--role <role> …] [--name "<display name>"]

Roles: ${roles.join(', ')}
Prints a one-time password; the person changes it and sets up the second factor at the first sign-in.`;

/** `npm run admin -- …`: returns what to print; throws CliError with a one-line reason. */
export async function runAdminCli(argv: string[], deps: AppDeps): Promise<string> {
  const [command, ...rest] = argv;
  if (command !== 'create-user') throw new CliError(command ? `Unknown command "${command}".\n\n${usage}` : usage);
  const { values } = parseArgs({
    args: rest,
    options: { tenant: { type: 'string' }, email: { type: 'string' }, role: { type: 'string', multiple: true }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.tenant || !values.email || !values.role?.length) throw new CliError(`--tenant, --email and at least one --role are required.\n\n${usage}`);
  const email = z.email().safeParse(values.email.trim().toLowerCase());
  if (!email.success) throw new CliError('--email is not an e-mail address.');
  const unknown = values.role.filter((r) => !isRole(r));
  if (unknown.length) throw new CliError(`Unknown role ${unknown.join(', ')}. Roles: ${roles.join(', ')}`);
  const tenant = await tenantsRepository.bySlug(deps.database.db, values.tenant);
  if (!tenant) throw new CliError(`Unknown tenant "${values.tenant}".`);
  const tdb = new TenantDb(deps.database.db, tenant.id);
  if (await staffUserByEmail(tdb, email.data)) throw new CliError(`There is already an account for ${maskEmail(email.data)} in ${tenant.slug}.`);
  const { user, password } = await createStaffUser(deps, tdb, {
    email: email.data,
    displayName: values.name?.trim() || email.data,
    roles: values.role.filter(isRole),
  });
  return [
    // The account's id and a masked address: what is printed lands in shell histories and logs.
    `Created staff account ${user.id} (${maskEmail(user.email)}; ${user.roles.join(', ')}) in ${tenant.slug}.`,
    `One-time password: ${password}`,
    `Sign in at ${deps.config.publicUrl}/t/${tenant.slug}/staff/login — the password must be changed and a second factor set up at the first sign-in.`,
    '',
  ].join('\n');
}
