// Exam preparation (Kammer exam dates, sessions, the participant's self-rating of exam anxiety) and the
// Bildungsgutscheine of a participant (doc/domain/coaching.md). Changes by the assigned coach, audited.
import type { z } from 'zod';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { NotFoundError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import type { StaffPrincipal } from '../staff/index.js';
import { advance, change } from './coaching.service.js';
import type { angstForm, gutscheinForm, gutscheinUpdateForm, pruefungForm, sitzungForm } from './pruefung.schemas.js';
import * as repo from './pruefung.repository.js';
import { berlinToday } from './rules.js';

export const addPruefung = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof pruefungForm>) =>
  change(deps, tdb, staff, id, 'coaching.pruefung.write', async (tx, tn) => {
    await repo.insertPruefung(tx, { teilnehmendeId: tn.id, title: input.examTitle, kammer: input.kammer, examOn: input.examOn });
    await advance(tx, tn, 'pruefung');
  });

export const addSitzung = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof sitzungForm>) =>
  change(deps, tdb, staff, id, 'coaching.pruefung.write', async (tx, tn) => {
    await repo.insertSitzung(tx, { teilnehmendeId: tn.id, topic: input.topic, sessionOn: input.sessionOn, materials: input.materials ?? null });
    await advance(tx, tn, 'pruefung');
  });

/** A rating the participant gave in a session, noted by the coach. */
export const addAngstByCoach = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof angstForm>) =>
  change(deps, tdb, staff, id, 'coaching.angst.write', (tx, tn) =>
    repo.insertAngst(tx, { teilnehmendeId: tn.id, rating: input.rating, moment: input.moment, ratedOn: berlinToday(deps.clock.now()), source: 'coach' }),
  );

/** A rating through the personal link (the caller has resolved the token and audits). */
export const addAngstByParticipant = (deps: AppDeps, tx: TenantDb, teilnehmendeId: string, input: z.output<typeof angstForm>) =>
  repo.insertAngst(tx, { teilnehmendeId, rating: input.rating, moment: input.moment, ratedOn: berlinToday(deps.clock.now()), source: 'teilnehmende' });

export const addGutschein = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, input: z.output<typeof gutscheinForm>) =>
  change(deps, tdb, staff, id, 'coaching.gutschein.write', (tx, tn) => repo.insertGutschein(tx, { teilnehmendeId: tn.id, ...input }));

export const updateGutschein = (deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, gutscheinId: string, input: z.output<typeof gutscheinUpdateForm>) =>
  change(deps, tdb, staff, id, 'coaching.gutschein.write', async (tx, tn) => {
    const blank = <T>(v: T | undefined) => v ?? null;
    const [row] = await repo.updateGutschein(tx, tn.id, gutscheinId, {
      issuedOn: blank(input.issuedOn),
      validUntil: blank(input.validUntil),
      provider: blank(input.provider),
      course: blank(input.course),
      redeemedOn: blank(input.redeemedOn),
      courseStartOn: blank(input.courseStartOn),
      courseEndOn: blank(input.courseEndOn),
    });
    if (!row) throw new NotFoundError();
  });
