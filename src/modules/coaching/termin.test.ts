// Appointments with the coach through the Onlineterminierung: the coach books, moves and cancels from the dossier;
// the participant gets termine's mails with a calendar file in their language and sees the appointment on the
// personal link; the Servicepoint's day view lists it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { renderOutbox } from '#shared/mail/outbox.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { bookingService } from '../termine/index.js';
import { coachingAktivitaeten } from './coaching.tables.js';
import { coachingStaffBase, coachingTestbed, type CoachingTestbed } from './testing.js';

let ctx: TestContext;
let c: CoachingTestbed;
let tdb: TenantDb;
let coach: LoggedIn;
const base = coachingStaffBase;

beforeAll(async () => {
  ctx = await createTestContext();
  c = await coachingTestbed(ctx);
  ({ tdb, coach } = c);
});
afterAll(async () => ctx?.close());

const mailsTo = async (to: string) => {
  await renderOutbox(ctx.deps);
  return tdb.select(outboxMessages, eq(outboxMessages.to, to));
};
const decode = (html: string) => html.replace(/&amp;/g, '&').replace(/&#x2F;/g, '/');
const intake = (email: string, mailLanguage = 'de') => c.intake({ email, mailLanguage });

/** The free times offered on the picker page (radio values) and the place's id. */
function offered(html: string): { ort: string; times: string[] } {
  const ort = /name="ort" value="([0-9a-f-]{36})"/.exec(html)![1]!;
  const times = [...html.matchAll(/name="startsAt" value="([^"]+)"/g)].map((m) => m[1]!);
  return { ort, times };
}

describe('appointments with the coach', () => {
  let id: string;
  let aktivitaetId: string;
  const email = 'amina.termin@example.org';

  it('offers the free times of the coaching concern at the coach location and books one for the participant', async () => {
    id = await intake(email);
    const picker = await c.get(coach, `${base}/${id}/termin`);
    expect(picker.statusCode).toBe(200);
    expect(picker.body).toContain('Gespräch mit Ihrem Coach (nur nach Einladung)');
    expect(picker.body).toContain('Servicepoint Bensheim');
    expect(picker.body).toContain('Die Bestätigung mit Kalenderdatei geht an amina.termin@example.org.');
    const { ort, times } = offered(picker.body);
    expect(times.length).toBeGreaterThan(3);

    const booked = await c.post(coach, `${base}/${id}/termin`, { ort, startsAt: times[1]! });
    expect(booked.statusCode).toBe(303);
    expect(booked.headers.location).toBe(`${base}/${id}#termine`);

    const [activity] = await tdb.select(coachingAktivitaeten, eq(coachingAktivitaeten.teilnehmendeId, id), eq(coachingAktivitaeten.typ, 'termin'));
    expect(activity).toBeDefined();
    aktivitaetId = activity!.id;
    const appointment = await bookingService.appointment({ tdb, tenant: ctx.tenant, deps: ctx.deps }, activity!.terminId!);
    expect(appointment).toMatchObject({ status: 'booked', channel: 'staff', name: 'Amina Haddad', email, language: 'de' });
    expect(appointment.startsAt.toISOString()).toBe(times[1]);

    const dossier = await c.get(coach, `${base}/${id}`);
    expect(dossier.body).toContain('Termine mit dem Coach');
    expect(dossier.body).toContain('Servicepoint Bensheim, Rodensteinstraße 19, 64625 Bensheim');
    expect(dossier.body).toContain('gebucht');
    expect(dossier.body).toContain(`${base}/${id}/termin?verschieben=${aktivitaetId}`);

    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({ kind: 'termine.confirmation' });
    expect(mail!.subject).toMatch(/Termin/);
    expect(mail!.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.ics$/)]);
    expect(await tdb.select(auditLog, eq(auditLog.action, 'coaching.termin.book'), eq(auditLog.objectId, id))).toHaveLength(1);
  });

  it('shows the appointment in the Servicepoint day view as any booking', async () => {
    const [activity] = await tdb.select(coachingAktivitaeten, eq(coachingAktivitaeten.id, aktivitaetId));
    const tctx = { tdb, tenant: ctx.tenant, deps: ctx.deps };
    const appointment = await bookingService.appointment(tctx, activity!.terminId!);
    const desk = await loginAs(ctx, ['servicepoint']);
    const day = await c.get(desk, `/t/neue-wege/staff/servicepoint/${appointment.locationId}?date=${activity!.dueOn}`);
    expect(day.statusCode).toBe(200);
    expect(day.body).toContain('Amina Haddad');
  });

  it('shows the appointment on the participant link', async () => {
    const issued = await c.post(coach, `${base}/${id}/link`, {});
    const url = /https?:\/\/[^"<\s]+\/coaching\/mein-plan\/[A-Za-z0-9_-]+/.exec(decode(issued.body))![0];
    const page = await ctx.app.inject({ url: new URL(url).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Meine Termine');
    expect(page.body).toContain('Servicepoint Bensheim');
    expect(page.body).toContain('gebucht');
  });

  it('moves the appointment to another free time; the participant gets the new time by mail', async () => {
    const picker = await c.get(coach, `${base}/${id}/termin?verschieben=${aktivitaetId}`);
    expect(picker.statusCode).toBe(200);
    expect(picker.body).toContain('Bisheriger Termin');
    const { times } = offered(picker.body);
    const moved = await c.post(coach, `${base}/${id}/termine/${aktivitaetId}/verschieben`, { startsAt: times.at(-1)! });
    expect(moved.statusCode).toBe(303);
    const [activity] = await tdb.select(coachingAktivitaeten, eq(coachingAktivitaeten.id, aktivitaetId));
    const appointment = await bookingService.appointment({ tdb, tenant: ctx.tenant, deps: ctx.deps }, activity!.terminId!);
    expect(appointment.startsAt.toISOString()).toBe(times.at(-1));
    expect((await mailsTo(email)).map((m) => m.kind)).toContain('termine.rescheduled');
  });

  it('refuses a time that is not free, and re-shows the picker with the message', async () => {
    const res = await c.post(coach, `${base}/${id}/termine/${aktivitaetId}/verschieben`, { startsAt: '2026-11-29T03:00:00.000Z' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-startsAt"');
  });

  it('cancels the appointment: termine mails the cancellation, the step is marked cancelled', async () => {
    const res = await c.post(coach, `${base}/${id}/termine/${aktivitaetId}/absagen`, {});
    expect(res.statusCode).toBe(303);
    const [activity] = await tdb.select(coachingAktivitaeten, eq(coachingAktivitaeten.id, aktivitaetId));
    expect(activity!.status).toBe('abgebrochen');
    const appointment = await bookingService.appointment({ tdb, tenant: ctx.tenant, deps: ctx.deps }, activity!.terminId!);
    expect(appointment.status).toBe('cancelled');
    expect((await mailsTo(email)).map((m) => m.kind)).toContain('termine.cancellation');
    const dossier = await c.get(coach, `${base}/${id}`);
    expect(dossier.body).toContain('abgesagt');
    expect(dossier.body).not.toContain(`termine/${aktivitaetId}/absagen`);
  });

  it('sends the booking mail in the participant language', async () => {
    const enMail = 'olena.termin@example.org';
    const enId = await intake(enMail, 'en');
    const { ort, times } = offered((await c.get(coach, `${base}/${enId}/termin`)).body);
    expect((await c.post(coach, `${base}/${enId}/termin`, { ort, startsAt: times[0]! })).statusCode).toBe(303);
    const [mail] = await mailsTo(enMail);
    expect(mail!.subject).toMatch(/appointment/i);
    expect(mail!.text).toContain('lang=en');
  });

  it('is the assigned coach only: another coach gets 404, a bad id 404', async () => {
    const other = await loginAs(ctx, ['coach']);
    expect((await c.get(other, `${base}/${id}/termin`)).statusCode).toBe(404);
    expect((await c.post(other, `${base}/${id}/termine/${aktivitaetId}/absagen`, {})).statusCode).toBe(404);
    expect((await c.get(coach, `${base}/not-a-uuid/termin`)).statusCode).toBe(404);
    const rows = await tdb.select(coachingAktivitaeten, and(eq(coachingAktivitaeten.teilnehmendeId, id), eq(coachingAktivitaeten.typ, 'termin')));
    expect(rows).toHaveLength(1);
  });
});
