// Attendance per session day and the Teilnahmebescheinigung: issued only when the recorded attendance reaches
// the seminar's threshold; a verification code (derived from the certificate id with the server secret, only its
// hash stored) leads to a public page that says valid or invalid with name, seminar and dates — nothing more.
import { keyedBytes, sha256 } from '#shared/crypto.js';
import { NotFoundError, ValidationError } from '#shared/http/errors.js';
import { isUuid } from '#shared/ids.js';
import { staffContacts } from '../staff/index.js';
import { assertCan, can, type Actor, type SeminarCtx } from './context.js';
import { audit } from './enrolment.service.js';
import { formatDays } from './format.js';
import { attendedPercent } from './places.js';
import * as attendanceRepository from './attendance.repository.js';
import * as catalogueRepository from './catalogue.repository.js';
import * as certificatesRepository from './certificates.repository.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import type { SeminarCertificate } from './seminare.tables.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** XXXX-XXXX-XXXX-XXXX (80 bits), reproducible from the id and the secret, so only its hash is stored. */
export function certificateCode(secret: string, certificateId: string): string {
  const bytes = keyedBytes(secret, ['seminare-certificate', certificateId]);
  let chars = '';
  for (let i = 0; i < 16; i++) chars += ALPHABET[bytes[i]! & 31];
  return chars.match(/.{4}/g)!.join('-');
}

/** Accepts the code as typed: case, spaces and dashes do not matter. */
export function normaliseCode(input: string): string | undefined {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(plain)) return undefined;
  return plain.match(/.{4}/g)!.join('-');
}

/** The session with its days and confirmed participants; trainers see only sessions of their own seminars. */
export async function attendanceSheet(ctx: SeminarCtx, actor: Actor, sessionId: string) {
  assertCan(ctx, actor, 'seminare.attendance');
  const session = isUuid(sessionId) ? await sessionsRepository.byId(ctx.tdb, sessionId) : undefined;
  if (!session) throw new NotFoundError();
  const seminar = (await catalogueRepository.seminarById(ctx.tdb, session.seminarId))!;
  if (!can(ctx, actor, 'seminare.manage') && seminar.trainerUserId !== actor.userId) throw new NotFoundError();
  return sheetOf(ctx, actor, session.id);
}

/** For an external trainer's personal link: the caller checked the link. */
export async function sheetOf(ctx: SeminarCtx, actor: Actor | undefined, sessionId: string) {
  const session = (await sessionsRepository.byId(ctx.tdb, sessionId))!;
  const seminar = (await catalogueRepository.seminarById(ctx.tdb, session.seminarId))!;
  const days = await sessionsRepository.days(ctx.tdb, [session.id]);
  const enrolments = (await enrolmentsRepository.ofSession(ctx.tdb, session.id)).filter((e) => e.status === 'confirmed');
  const names = new Map((await staffContacts(ctx.tdb, enrolments.map((e) => e.userId))).map((c) => [c.id, c.displayName]));
  const records = await attendanceRepository.ofDays(ctx.tdb, days.map((d) => d.id));
  const certificates = await certificatesRepository.ofEnrolments(ctx.tdb, enrolments.map((e) => e.id));
  const participants = enrolments
    .map((e) => {
      const byDay = new Map(records.filter((r) => r.enrolmentId === e.id).map((r) => [r.dayId, r.percent]));
      const certificate = certificates.find((c) => c.enrolmentId === e.id);
      return { enrolmentId: e.id, userId: e.userId, name: names.get(e.userId) ?? '', byDay, percent: attendedPercent(days, byDay), certificate };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  await audit(ctx, ctx.tdb, actor ?? { userId: '', roles: ['trainer-link'] }, 'seminare.attendance_viewed', 'seminar_session', session.id);
  return { session, seminar, days, participants };
}

/** Records a day's attendance: 100 present, 0 absent, anything between for partial attendance. */
export async function recordAttendance(ctx: SeminarCtx, actor: Actor | undefined, sessionId: string, dayId: string, entries: { enrolmentId: string; percent: number }[], recordedBy: string) {
  const day = isUuid(dayId) ? await sessionsRepository.dayById(ctx.tdb, dayId) : undefined;
  if (!day || day.sessionId !== sessionId) throw new NotFoundError();
  if (day.startsAt > ctx.deps.clock.now()) throw new ValidationError([{ field: 'day', message: 'seminare:attendance.notYet' }]);
  const confirmed = new Set((await enrolmentsRepository.ofSession(ctx.tdb, sessionId)).filter((e) => e.status === 'confirmed').map((e) => e.id));
  await ctx.tdb.transaction(async (tx) => {
    for (const entry of entries) {
      if (!confirmed.has(entry.enrolmentId)) continue;
      await attendanceRepository.record(tx, { dayId: day.id, enrolmentId: entry.enrolmentId, percent: entry.percent, recordedBy, recordedAt: ctx.deps.clock.now() });
    }
    await audit(ctx, tx, actor ?? { userId: '', roles: ['trainer-link'] }, 'seminare.attendance_recorded', 'seminar_session_day', day.id, `by=${recordedBy}`);
  });
}

/** Issues certificates to everyone whose attendance reaches the threshold once the last day has begun. */
export async function issueCertificates(ctx: SeminarCtx, actor: Actor, sessionId: string): Promise<number> {
  assertCan(ctx, actor, 'seminare.manage');
  const sheet = await sheetOf(ctx, actor, sessionId);
  const last = sheet.days.at(-1);
  if (!last || last.startsAt > ctx.deps.clock.now()) throw new ValidationError([{ field: 'certificates', message: 'seminare:certificate.notYet' }]);
  const trainer = sheet.seminar.externalTrainer ?? (sheet.seminar.trainerUserId ? ((await staffContacts(ctx.tdb, [sheet.seminar.trainerUserId]))[0]?.displayName ?? '') : '');
  let issued = 0;
  await ctx.tdb.transaction(async (tx) => {
    for (const p of sheet.participants) {
      if (p.certificate || p.percent < sheet.seminar.attendanceThresholdPercent) continue;
      const id = crypto.randomUUID();
      await certificatesRepository.insert(tx, {
        id,
        enrolmentId: p.enrolmentId,
        codeHash: sha256(certificateCode(ctx.deps.config.secretKey, id)),
        holderName: p.name,
        seminarTitle: sheet.seminar.title,
        dates: formatDays(sheet.days),
        dayCount: sheet.days.length,
        ue: sheet.seminar.ue,
        trainer,
        issuedAt: ctx.deps.clock.now(),
      });
      await audit(ctx, tx, actor, 'seminare.certificate_issued', 'seminar_certificate', id);
      issued++;
    }
  });
  return issued;
}

export type Verification = { valid: true; holderName: string; seminarTitle: string; dates: string } | { valid: false; revoked?: true };

/** Public check of a code: what the certificate says; or invalid, saying only "revoked" for a revoked one. */
export async function verifyCertificate(ctx: SeminarCtx, input: string): Promise<Verification> {
  const code = normaliseCode(input);
  const found = code ? await certificatesRepository.byCodeHash(ctx.tdb, sha256(code)) : undefined;
  if (!found) return { valid: false };
  if (found.revokedAt) return { valid: false, revoked: true };
  return { valid: true, holderName: found.holderName, seminarTitle: found.seminarTitle, dates: found.dates };
}

/** The certificate and its code, for its holder or the training office. */
export async function certificateFor(ctx: SeminarCtx, actor: Actor, certificateId: string): Promise<{ certificate: SeminarCertificate; code: string; sessionId: string }> {
  const certificate = isUuid(certificateId) ? await certificatesRepository.byId(ctx.tdb, certificateId) : undefined;
  if (!certificate) throw new NotFoundError();
  const enrolment = (await enrolmentsRepository.byId(ctx.tdb, certificate.enrolmentId))!;
  if (enrolment.userId !== actor.userId && !can(ctx, actor, 'seminare.manage')) throw new NotFoundError();
  await audit(ctx, ctx.tdb, actor, 'seminare.certificate_viewed', 'seminar_certificate', certificate.id);
  return { certificate, code: certificateCode(ctx.deps.config.secretKey, certificate.id), sessionId: enrolment.sessionId };
}

/** The training office revokes a certificate with a reason (audited); the verify page then says "widerrufen". Returns its session. */
export async function revokeCertificate(ctx: SeminarCtx, actor: Actor, certificateId: string, reason: string): Promise<string> {
  assertCan(ctx, actor, 'seminare.manage');
  const certificate = isUuid(certificateId) ? await certificatesRepository.byId(ctx.tdb, certificateId) : undefined;
  if (!certificate) throw new NotFoundError();
  if (certificate.revokedAt) throw new ValidationError([{ field: 'reason', message: 'seminare:certificate.alreadyRevoked' }]);
  if (!reason) throw new ValidationError([{ field: 'reason', message: 'seminare:approval.reasonRequired' }]);
  await ctx.tdb.transaction(async (tx) => {
    const [revoked] = await certificatesRepository.revoke(tx, certificate.id, ctx.deps.clock.now(), reason);
    if (!revoked) throw new ValidationError([{ field: 'reason', message: 'seminare:certificate.alreadyRevoked' }]);
    await audit(ctx, tx, actor, 'seminare.certificate_revoked', 'seminar_certificate', certificate.id, reason);
  });
  return (await enrolmentsRepository.byId(ctx.tdb, certificate.enrolmentId))!.sessionId;
}
