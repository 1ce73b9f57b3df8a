// Demo staff accounts, one per role, for the demo tenant in development only (never in production).
import { Secret } from 'otpauth';
import { keyedBytes } from '#shared/crypto.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { roles, type Role } from './permissions.js';
import * as teamsRepo from './teams.repository.js';
import { createStaffUser, staffUserByEmail } from './users.service.js';

/** Development only, and marked as such: the password is on the blocklist, so no one can choose it. */
export const DEMO_PASSWORD = 'Demo-Passwort-2026!';
const DEMO_DOMAIN = 'demo.invalid';

/** Demo accounts use the reserved .invalid domain; production refuses them at login. */
export function isDemoAccount(email: string): boolean {
  return email.toLowerCase().endsWith(`@${DEMO_DOMAIN}`);
}

function demoTotpSecret(secretKey: string, email: string): string {
  // Stable across restarts so an authenticator app keeps working.
  return new Secret({ buffer: keyedBytes(secretKey, ['demo-totp', email]).subarray(0, 20).buffer as ArrayBuffer }).base32;
}

/** One demo account per role for the demo tenant, in development only; printed once at start. */
export async function seedStaffDemo(deps: AppDeps, tenant: Tenant): Promise<void> {
  if (deps.config.env !== 'development' || tenant.slug !== 'neue-wege') return;
  const tdb = new TenantDb(deps.database.db, tenant.id);
  const accounts: { role: Role; email: string; totpSecret: string }[] = [];
  for (const role of roles) {
    const email = `${role.replace('_', '-')}@${DEMO_DOMAIN}`;
    const totpSecret = demoTotpSecret(deps.config.secretKey, email);
    if (!(await staffUserByEmail(tdb, email))) {
      await createStaffUser(deps, tdb, { email, displayName: `Demo ${role} (nur Entwicklung)`, roles: [role], password: DEMO_PASSWORD, totpSecret, mustChangePassword: false });
    }
    accounts.push({ role, email, totpSecret });
  }
  await seedDemoTeams(tdb);
  deps.logger.warn(
    { demoAccounts: accounts.map((a) => `${a.role}: ${a.email} / TOTP secret ${a.totpSecret}`) },
    `DEVELOPMENT ONLY demo staff accounts for /t/${tenant.slug}/staff/login — password "${DEMO_PASSWORD}", add the TOTP secret to an authenticator app. Never available with NODE_ENV=production.`,
  );
}

/** Two demo teams: the team lead account leads "Markt und Integration", where most demo accounts work. */
async function seedDemoTeams(tdb: TenantDb): Promise<void> {
  if (await teamsRepo.teamByName(tdb, 'Markt und Integration')) return;
  const markt = await teamsRepo.insertTeam(tdb, 'Markt und Integration');
  await teamsRepo.insertTeam(tdb, 'Leistung');
  for (const role of ['teamleitung', 'mitarbeitende', 'coach', 'servicepoint', 'trainer'] as const) {
    const user = await staffUserByEmail(tdb, `${role}@${DEMO_DOMAIN}`);
    if (user) await teamsRepo.upsertTeamMember(tdb, markt.id, user.id, role === 'teamleitung');
  }
}
