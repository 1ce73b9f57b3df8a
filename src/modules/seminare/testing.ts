// Test helpers of the seminare module: a seminar with one session in the test tenant, people with roles, and
// the mails the outbox holds for someone.
import { and, eq } from 'drizzle-orm';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import type { TestContext } from '#shared/testing/context.js';
import { loginAs } from '../staff/testing.js';
import { staffContacts, type Role } from '../staff/index.js';
import { createCategory, createSeminar, createSession, type SessionInput } from './catalogue.service.js';
import type { Actor, SeminarCtx } from './context.js';
import * as settingsRepository from './settings.repository.js';
import type { SeminarSettings } from './seminare.tables.js';

export function seminarCtx(ctx: TestContext): SeminarCtx {
  return { deps: ctx.deps, tenant: ctx.tenant, tdb: new TenantDb(ctx.deps.database.db, ctx.tenant.id) };
}

/** A logged-in staff member usable both over HTTP (cookies, csrf) and as a service actor. */
export async function person(ctx: TestContext, roles: Role[] = ['mitarbeitende']) {
  const login = await loginAs(ctx, roles);
  const [contact] = await staffContacts(new TenantDb(ctx.deps.database.db, ctx.tenant.id), [login.userId]);
  return { ...login, email: contact!.email, actor: { userId: login.userId, roles } satisfies Actor };
}

export async function setApproval(ctx: TestContext, values: Partial<Omit<SeminarSettings, 'tenantId'>>) {
  const sc = seminarCtx(ctx);
  const current = await settingsRepository.get(sc.tdb);
  await settingsRepository.save(sc.tdb, { approval: current.approval, personalratRequired: current.personalratRequired, offerHours: current.offerHours, ...values });
}

let n = 0;
/** A seminar with one session (two days, or `days: 1`, starting in `daysAhead` days); the training office creates it. */
export async function createTestSession(ctx: TestContext, options: { seats?: number; daysAhead?: number; title?: string; days?: 1 | 2 } = {}) {
  const sc = seminarCtx(ctx);
  const office = await person(ctx, ['personalentwicklung']);
  const category = await createCategory(sc, office.actor, `Kategorie ${++n}`);
  const seminar = await createSeminar(sc, office.actor, {
    title: options.title ?? `Seminar ${n}`,
    description: 'Beschreibung',
    categoryId: category.id,
    ue: 8,
    feeCents: 0,
    prerequisites: '',
    targetRoles: [],
    mandatoryForRoles: [],
    attendanceThresholdPercent: 80,
  });
  const start = new Date(ctx.clock.now().getTime() + (options.daysAhead ?? 14) * 86_400_000);
  const input: SessionInput = {
    room: 'Raum 1.12',
    seats: options.seats ?? 2,
    minParticipants: 0,
    enrolmentDeadline: new Date(start.getTime() - 3 * 86_400_000),
    cancellationDeadline: new Date(start.getTime() - 2 * 86_400_000),
    days: [
      { startsAt: start, endsAt: new Date(start.getTime() + 7 * 3_600_000) },
      { startsAt: new Date(start.getTime() + 86_400_000), endsAt: new Date(start.getTime() + 86_400_000 + 4 * 3_600_000) },
    ].slice(0, options.days ?? 2),
  };
  const session = await createSession(sc, office.actor, seminar.id, input);
  return { sc, office, seminar, session, input };
}

export async function mailsTo(ctx: TestContext, email: string, kind?: string) {
  const tdb = new TenantDb(ctx.deps.database.db, ctx.tenant.id);
  const rows = await tdb.select(outboxMessages, eq(outboxMessages.to, email), kind ? and(eq(outboxMessages.kind, kind)) : undefined);
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** GET and POST (with the csrf token) of a staff page of the test tenant as `who`. */
export function pagesAs(ctx: TestContext) {
  type Who = Awaited<ReturnType<typeof person>>;
  const base = `/t/${ctx.tenant.slug}`;
  return {
    get: (who: Who, url: string) => ctx.app.inject({ url: `${base}${url}`, cookies: who.cookies }),
    post: (who: Who, url: string, payload: Record<string, string | string[]> = {}) => ctx.app.inject({ method: 'POST', url: `${base}${url}`, cookies: who.cookies, payload: { _csrf: who.csrfToken, ...payload } }),
  };
}
