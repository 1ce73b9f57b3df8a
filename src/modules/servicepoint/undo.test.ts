// Undo at the desk (doc/adr/0305-desk-undo-on-the-server.md): call, done and no-show are saved at once; the answer
// offers "Rückgängig" for 30 seconds, which restores the visit and its appointment exactly, for the same staff
// member at the same location only, and only while nothing else happened to the visit; every undo is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { startDesk, type DeskFixture } from './testing.js';

let ctx: TestContext;
let desk: LoggedIn;
let base: string;
let book: DeskFixture['book'];

const cookieHeader = (cookies: Record<string, string>) => Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
type Answer = { notice: string; undo: { url: string; token: string; seconds: number } | null };
/** The live desk's request: JSON back. */
async function live(url: string, payload: Record<string, string>, who: LoggedIn = desk): Promise<{ status: number; body: Answer }> {
  const res = await ctx.app.inject({ method: 'POST', url, headers: { cookie: cookieHeader({ ...who.cookies, ww_schalter: '3' }), accept: 'application/json' }, payload: { ...payload, _csrf: who.csrfToken } });
  return { status: res.statusCode, body: res.json() as Answer };
}
const undo = (answer: Answer, who: LoggedIn = desk, url = answer.undo!.url) => live(url, { undo: answer.undo!.token }, who);

async function row(table: 'servicepoint_visits' | 'termin_appointments', id: string): Promise<Record<string, unknown>> {
  const columns = table === 'servicepoint_visits' ? 'status, counter, called_at, called_by, done_at' : 'status, status_changed_at';
  const result = (await ctx.deps.database.db.execute(`select ${columns} from ${table} where id = '${id}'`)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows[0]!;
}
const visitOf = async (appointmentId: string) =>
  ((await ctx.deps.database.db.execute(`select id from servicepoint_visits where appointment_id = '${appointmentId}'`)) as unknown as { rows: { id: string }[] }).rows[0]!.id;

/** Checks in a new booking and calls it to counter 3; the visit id and the call's answer. */
async function calledVisit(name: string, time: string) {
  const appointment = await book(name, time);
  await live(`${base}/checkin`, { appointmentId: appointment.id });
  const call = await live(`${base}/aufruf`, {});
  expect(call.body.notice).toMatch(/^Nummer 0\d\d wurde aufgerufen\.$/);
  return { appointment, visitId: await visitOf(appointment.id), call: call.body };
}

beforeAll(async () => {
  ({ ctx, desk, base, book } = await startDesk());
});
afterAll(async () => ctx?.close());

describe('undo on the server', () => {
  it('saves done at once and takes it back exactly: status, counter and times of the visit and its appointment', async () => {
    const { appointment, visitId, call } = await calledVisit('Max Muster', '10:30');
    expect(call.notice).toMatch(/^Nummer 0\d\d wurde aufgerufen\.$/);
    const visitBefore = await row('servicepoint_visits', visitId);
    const appointmentBefore = await row('termin_appointments', appointment.id);
    ctx.clock.advance(60_000);

    const done = await live(`/t/${ctx.tenant.slug}/staff/servicepoint/besuche/${visitId}/done`, {});
    expect(done.status).toBe(200);
    expect(done.body.notice).toMatch(/^Erledigt: Nummer 0\d\d\.$/);
    expect(done.body.undo).toMatchObject({ url: `${base}/rueckgaengig`, seconds: 30 });
    // Saved at once: other counters see it now, not after a delay in this browser.
    expect(await row('servicepoint_visits', visitId)).toMatchObject({ status: 'done' });
    expect(await row('termin_appointments', appointment.id)).toMatchObject({ status: 'done' });

    ctx.clock.advance(29_000);
    const back = await undo(done.body);
    expect(back.status).toBe(200);
    expect(back.body.notice).toMatch(/^Rückgängig gemacht: Nummer 0\d\d ist wieder wie vorher\.$/);
    expect(await row('servicepoint_visits', visitId)).toEqual(visitBefore);
    expect(await row('termin_appointments', appointment.id)).toEqual(appointmentBefore);
    const audit = (await ctx.deps.database.db.execute(`select actor_id, purpose from audit_log where action = 'servicepoint.undo' and object_id = '${visitId}'`)) as unknown as { rows: { actor_id: string; purpose: string }[] };
    expect(audit.rows).toEqual([{ actor_id: desk.userId, purpose: 'done' }]);

    // The same ticket a second time: the visit is no longer as the action left it.
    const twice = await undo(done.body);
    expect(twice.status).toBe(409);
    expect(twice.body.notice).toContain('an diesem Besuch hat sich inzwischen etwas geändert');
  });

  it('takes back a call: the number waits again as before and the appointment is "arrived" again', async () => {
    const appointment = await book('Erika Beispiel', '10:45');
    await live(`${base}/checkin`, { appointmentId: appointment.id });
    const visitId = await visitOf(appointment.id);
    const waiting = await row('servicepoint_visits', visitId);
    const arrived = await row('termin_appointments', appointment.id);
    // Max Muster (called again by the undo above) is still at counter 3; the call takes the next waiting number.
    const call = await live(`${base}/aufruf`, {});
    expect(await row('servicepoint_visits', visitId)).toMatchObject({ status: 'called', counter: '3' });
    expect((await undo(call.body)).status).toBe(200);
    expect(await row('servicepoint_visits', visitId)).toEqual(waiting);
    expect(await row('termin_appointments', appointment.id)).toEqual(arrived);
    // Served after all, so the queue is empty for the next test.
    await live(`${base}/aufruf`, {});
    expect((await live(`/t/${ctx.tenant.slug}/staff/servicepoint/besuche/${visitId}/done`, {})).status).toBe(200);
  });

  it('refuses an undo after 30 seconds, by another staff member, at another location, with a forged ticket or after another change', async () => {
    const { visitId, call } = await calledVisit('Paula Spät', '11:00');
    const noShow = await live(`/t/${ctx.tenant.slug}/staff/servicepoint/besuche/${visitId}/no_show`, {});
    expect(noShow.body.notice).toMatch(/^Nicht erschienen: Nummer 0\d\d\.$/);

    const colleague = await loginAs(ctx, ['servicepoint']);
    const notYours = await undo(noShow.body, colleague);
    expect(notYours.status).toBe(409);
    expect(notYours.body.notice).toContain('nur die Person, die es getan hat');
    const elsewhere = await undo(noShow.body, desk, `/t/${ctx.tenant.slug}/staff/servicepoint/00000000-0000-4000-8000-000000000000/rueckgaengig`);
    expect(elsewhere.status).toBe(409);
    const [payload, signature] = noShow.body.undo!.token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), expiresAt: Date.now() * 2 })).toString('base64url');
    expect((await live(`${base}/rueckgaengig`, { undo: `${forged}.${signature}` })).status).toBe(409);

    // The call's undo is refused now: something happened to the visit since (the no-show).
    const stale = await undo(call);
    expect(stale.status).toBe(409);
    expect(stale.body.notice).toContain('inzwischen etwas geändert');

    ctx.clock.advance(31_000);
    const late = await undo(noShow.body);
    expect(late.status).toBe(409);
    expect(late.body.notice).toBe('Das lässt sich nicht mehr rückgängig machen: Rückgängig geht nur 30 Sekunden lang.');
    expect(await row('servicepoint_visits', visitId)).toMatchObject({ status: 'no_show' });
  });

  it('takes back a no-show of a booking that was not checked in: it is booked again', async () => {
    const appointment = await book('Otto Normal', '11:15');
    const booked = await row('termin_appointments', appointment.id);
    const noShow = await live(`${base}/noshow`, { appointmentId: appointment.id });
    expect(await row('termin_appointments', appointment.id)).toMatchObject({ status: 'no_show' });
    expect((await undo(noShow.body)).status).toBe(200);
    expect(await row('termin_appointments', appointment.id)).toEqual(booked);
  });

  it('works without JavaScript: the day page after done shows a "Rückgängig" form while the window is open', async () => {
    const { visitId } = await calledVisit('Nora Ohneskript', '11:30');
    const headers = { cookie: cookieHeader({ ...desk.cookies, ww_schalter: '3' }) };
    const done = await ctx.app.inject({ method: 'POST', url: `/t/${ctx.tenant.slug}/staff/servicepoint/besuche/${visitId}/done`, headers, payload: { _csrf: desk.csrfToken } });
    expect(done.statusCode).toBe(303);
    const cookie = [done.headers['set-cookie']].flat().find((c) => c?.startsWith('ww_rueckgaengig='))!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Max-Age=30');
    const token = decodeURIComponent(/^ww_rueckgaengig=([^;]+)/.exec(cookie)![1]!);
    const withUndo = { cookie: `${headers.cookie}; ww_rueckgaengig=${token}` };
    const page = await ctx.app.inject({ method: 'GET', url: String(done.headers.location), headers: withUndo });
    expect(page.body).toContain('Erledigt: Nummer');
    expect(page.body).toMatch(/Sie können das bis 10:\d\d:\d\d Uhr rückgängig machen\./);
    expect(page.body).toContain(`action="${base}/rueckgaengig"`);

    const back = await ctx.app.inject({ method: 'POST', url: `${base}/rueckgaengig`, headers: withUndo, payload: { undo: token, _csrf: desk.csrfToken } });
    expect(back.statusCode).toBe(303);
    expect([back.headers['set-cookie']].flat().join()).toContain('ww_rueckgaengig=;');
    expect((await ctx.app.inject({ method: 'GET', url: String(back.headers.location), headers })).body).toContain('Rückgängig gemacht: Nummer');
    expect(await row('servicepoint_visits', visitId)).toMatchObject({ status: 'called', done_at: null });

    // Too late: the page says why, with the day view around it.
    const again = await ctx.app.inject({ method: 'POST', url: `${base}/rueckgaengig`, headers, payload: { undo: token, _csrf: desk.csrfToken } });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Das lässt sich nicht mehr rückgängig machen');
    expect(again.body).toContain('Am Schalter 3');
  });
});
