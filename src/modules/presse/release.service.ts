// Use cases of the press office: write a draft, submit it, approve it (four eyes), publish it with a running number
// and an optional embargo, correct or withdraw it. Every step is one transaction with its audit row.
import { DateTime } from 'luxon';
import { recordAudit, type AuditActionAfter } from '#shared/audit/index.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import type { PressRelease, ReleaseStatus } from './presse.tables.js';
import * as repo from './release.repository.js';

import { BERLIN } from '#shared/time.js';


export interface Actor {
  userId: string;
  roles: readonly string[];
}

export interface PresseContext {
  tdb: TenantDb;
  deps: Pick<AppDeps, 'clock'>;
}

async function audit(tdb: TenantDb, actor: Actor, action: AuditActionAfter<'presse.release.'>, id: string, at: Date) {
  await recordAudit(tdb, { actorId: actor.userId, actorRoles: actor.roles, action: `presse.release.${action}`, objectType: 'press_release', objectId: id, at });
}

export async function createDraft(ctx: PresseContext, actor: Actor, values: repo.DraftValues): Promise<PressRelease> {
  const now = ctx.deps.clock.now();
  return ctx.tdb.transaction(async (tx) => {
    const row = await repo.insertDraft(tx, actor.userId, values, now);
    await audit(tx, actor, 'create', row.id, now);
    return row;
  });
}

/**
 * Runs one workflow step on the locked release. `from` lists the statuses the step starts from; anything else is
 * a conflict (someone else was quicker, or the page was stale).
 */
async function step(
  ctx: PresseContext,
  actor: Actor,
  id: string,
  action: AuditActionAfter<'presse.release.'>,
  from: readonly ReleaseStatus[],
  change: (release: PressRelease, tx: TenantDb, now: Date) => Promise<Partial<PressRelease>>,
): Promise<PressRelease> {
  const now = ctx.deps.clock.now();
  return ctx.tdb.transaction(async (tx) => {
    const release = await repo.lockRelease(tx, id);
    if (!release) throw new NotFoundError();
    if (!from.includes(release.status)) throw new ConflictError('presse:errors.wrongStatus', { status: release.status });
    const set = await change(release, tx, now);
    const updated = await repo.updateRelease(tx, id, { ...set, updatedAt: now });
    await audit(tx, actor, action, id, now);
    return updated;
  });
}

/** Editing is only possible in a draft; editing a submitted or approved release takes it back to draft first. */
export function updateDraft(ctx: PresseContext, actor: Actor, id: string, values: repo.DraftValues) {
  return step(ctx, actor, id, 'update', ['draft'], async () => values);
}

export function submit(ctx: PresseContext, actor: Actor, id: string) {
  return step(ctx, actor, id, 'submit', ['draft'], async () => ({ status: 'submitted' }));
}

/** Back to draft (to edit): the approval, if any, is void. */
export function reopen(ctx: PresseContext, actor: Actor, id: string) {
  return step(ctx, actor, id, 'reopen', ['submitted', 'approved'], async () => ({ status: 'draft', approverId: null, approvedAt: null }));
}

/** Four eyes: whoever wrote the release cannot approve it (also a database check). */
export function approve(ctx: PresseContext, actor: Actor, id: string) {
  return step(ctx, actor, id, 'approve', ['submitted'], async (release, _tx, now) => {
    if (release.authorId === actor.userId) throw new ForbiddenError('presse:errors.ownApproval');
    return { status: 'approved', approverId: actor.userId, approvedAt: now };
  });
}

/**
 * Publishes an approved release: takes the next running number of the calendar year (Europe/Berlin) in which it
 * becomes visible, and sets `visibleFrom` to the embargo (or now). An embargo in the past counts as none.
 */
export function publish(ctx: PresseContext, actor: Actor, id: string) {
  return step(ctx, actor, id, 'publish', ['approved'], async (release, tx, now) => {
    const visibleFrom = release.embargoUntil && release.embargoUntil > now ? release.embargoUntil : now;
    const year = DateTime.fromJSDate(visibleFrom, { zone: BERLIN }).year;
    const number = await repo.takeNumber(tx, year);
    return { status: 'published', visibleFrom, year, number };
  });
}

/** A visible correction note; the number and the original text stay. */
export function correct(ctx: PresseContext, actor: Actor, id: string, correction: string) {
  return step(ctx, actor, id, 'correct', ['published'], async () => ({ correction, correctedAt: ctx.deps.clock.now() }));
}

/** The page then says the release was withdrawn; the number is never reused. */
export function withdraw(ctx: PresseContext, actor: Actor, id: string) {
  return step(ctx, actor, id, 'withdraw', ['published'], async (_r, _tx, now) => ({ status: 'withdrawn', withdrawnAt: now }));
}

/** Lets a tenant continue an existing count (e.g. from 530 in 2020); allowed once per year, before its first number. */
export async function presetNumber(ctx: PresseContext, actor: Actor, year: number, next: number): Promise<void> {
  const now = ctx.deps.clock.now();
  await ctx.tdb.transaction(async (tx) => {
    if (!(await repo.presetCounter(tx, year, next))) throw new ValidationError([{ field: 'next', message: 'presse:errors.counterExists' }], 409);
    await recordAudit(tx, { actorId: actor.userId, actorRoles: actor.roles, action: 'presse.counter.preset', objectType: 'press_counter', objectId: null, purpose: `${year}:${next}`, at: now });
  });
}

export const releaseOf = (ctx: PresseContext, id: string) => repo.getRelease(ctx.tdb, id);
export const allReleases = (ctx: PresseContext) => repo.listAll(ctx.tdb);

/** Display state for the press office: a published release before its embargo is "scheduled". */
export function displayState(release: PressRelease, now: Date): ReleaseStatus | 'scheduled' {
  return release.status === 'published' && release.visibleFrom && release.visibleFrom > now ? 'scheduled' : release.status;
}

/** Years whose count has started, newest first, with the next number. */
export async function counters(ctx: PresseContext): Promise<{ year: number; next: number }[]> {
  return (await repo.allCounters(ctx.tdb)).map((c) => ({ year: c.year, next: c.next }));
}
