// Small factories for coaching tests: a coach, their requests over app.inject and an intake through the coach's form.
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { TestContext } from '#shared/testing/context.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { coachingRechtsgrundlagen } from './coaching.tables.js';

/** The coaching staff pages of the demo tenant. */
export const coachingStaffBase = '/t/neue-wege/staff/coaching';

/** The intake form's fields; `rechtsgrundlage` is the key of the legal basis (default § 16k). */
export type IntakeFields = Record<string, string> & { rechtsgrundlage?: string };

/** The person of the intake form, without legal basis and coach. */
export const amina = {
  givenName: 'Amina',
  familyName: 'Haddad',
  birthDate: '1992-07-23',
  email: 'amina@example.org',
  languages: 'Arabisch muttersprache, Deutsch B1',
  startOn: '2026-11-25',
  consent: 'on',
};

export interface CoachingTestbed {
  tdb: TenantDb;
  coach: LoggedIn;
  /** A form post of a logged-in staff member, with their CSRF token. */
  post(who: LoggedIn, url: string, payload: Record<string, string>): Promise<LightMyRequestResponse>;
  get(who: LoggedIn, url: string): Promise<LightMyRequestResponse>;
  /** Admits Amina Haddad (or whom `fields` describe) through the intake form; returns the dossier's id. */
  intake(fields?: IntakeFields, who?: LoggedIn): Promise<string>;
}

export async function coachingTestbed(ctx: TestContext): Promise<CoachingTestbed> {
  const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
  const coach = await loginAs(ctx, ['coach']);
  const post = (who: LoggedIn, url: string, payload: Record<string, string>) =>
    ctx.app.inject({ method: 'POST', url, cookies: who.cookies, payload: { _csrf: who.csrfToken, ...payload } });
  const get = (who: LoggedIn, url: string) => ctx.app.inject({ url, cookies: who.cookies });
  async function intake({ rechtsgrundlage = 'p16k', ...fields }: IntakeFields = {}, who = coach): Promise<string> {
    const basis = await tdb.first(coachingRechtsgrundlagen, eq(coachingRechtsgrundlagen.key, rechtsgrundlage));
    const res = await post(who, `${coachingStaffBase}/aufnahme`, {
      ...amina,
      rechtsgrundlageId: basis?.id ?? '',
      coachId: who.userId,
      ...fields,
    });
    const id = /\/staff\/coaching\/([0-9a-f-]{36})$/.exec(String(res.headers.location ?? ''))?.[1];
    if (res.statusCode !== 303 || !id) throw new Error(`intake refused with ${res.statusCode}`);
    return id;
  }
  return { tdb, coach, post, get, intake };
}
