// Tables of the staff module: users, sessions, link tokens, recovery codes, throttles.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';

/** Staff accounts of a tenant. Secrets: argon2id password hash; TOTP secret encrypted with a key derived from SECRET_KEY. */
export const staffUsers = pgTable(
  'staff_users',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    /** Stored lower-case; unique per tenant. */
    email: text().notNull(),
    displayName: text().notNull(),
    roles: text().array().notNull().default(sql`array[]::text[]`),
    /** Null while an invitation is open. */
    passwordHash: text(),
    mustChangePassword: boolean().notNull().default(true),
    totpSecret: text(),
    /** Secret shown at enrolment, kept until the first code confirms it. */
    totpPendingSecret: text(),
    /** Last accepted TOTP time step: a code is accepted only for a later step (no replay). */
    totpLastStep: bigint({ mode: 'number' }),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp({ withTimezone: true }),
    deactivatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_users_email_idx').on(t.tenantId, t.email)],
);
export type StaffUser = typeof staffUsers.$inferSelect;

/** Server-side sessions; only the SHA-256 of the cookie token is stored. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    tokenHash: text().notNull(),
    /** 'mfa': password checked, waiting for the code; 'setup': must change password / enrol TOTP; 'full': logged in. */
    stage: text({ enum: ['mfa', 'setup', 'full'] }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    /** Short browser description for the session list (no version fingerprinting). */
    userAgent: text().notNull().default(''),
  },
  (t) => [uniqueIndex('staff_sessions_token_idx').on(t.tokenHash), index('staff_sessions_user_idx').on(t.tenantId, t.userId)],
);
export type StaffSession = typeof staffSessions.$inferSelect;

/** Single-use invitation and password-reset tokens (hash only, 1 h). */
export const staffTokens = pgTable(
  'staff_tokens',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    kind: text({ enum: ['invite', 'reset'] }).notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_tokens_hash_idx').on(t.tokenHash)],
);

/** One-time recovery codes for a lost authenticator; stored as keyed hashes. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    userId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.codeHash] })],
);

/**
 * Failed-login counters per account (hashed e-mail) and per IP (keyed hash), in the database
 * because app nodes are stateless.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    key: text().notNull(),
    failures: integer().notNull().default(0),
    lastFailureAt: timestamp({ withTimezone: true }).notNull(),
    lockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

/** Teams of a tenant (e.g. "Team Markt und Integration 1"); coaching and seminare read them through teamService. */
export const staffTeams = pgTable(
  'staff_teams',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_teams_name_idx').on(t.tenantId, t.name)],
);
export type StaffTeam = typeof staffTeams.$inferSelect;

/**
 * Membership of a staff member in a team. `isLead` marks the team lead(s); a person may belong to several teams
 * and lead some of them (a lead is also a member, so "my team" queries need no second table).
 */
export const staffTeamMembers = pgTable(
  'staff_team_members',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    teamId: uuid()
      .notNull()
      .references(() => staffTeams.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    isLead: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.teamId, t.userId] }), index('staff_team_members_user_idx').on(t.tenantId, t.userId)],
);
export type StaffTeamMember = typeof staffTeamMembers.$inferSelect;
