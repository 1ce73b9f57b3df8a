// The press settings page (tenant administrators): dateline, contact block, the figures page's regions, and where a
// year's running count starts (once per year, before its first number: ADR 0130).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { h } from 'preact';
import { BERLIN } from '#shared/time.js';
import { ValidationError } from '#shared/http/errors.js';
import { formField, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import type { FormValues } from './editor.js';
import { saveSettings } from './figures.import.service.js';
import { settingsOf } from './figures.service.js';
import { presetForm, settingsForm } from './presse.schemas.js';
import { counters, presetNumber } from './release.service.js';
import { SettingsPage, type SettingsProps } from './views/Settings.js';

const notices = new Set(['saved', 'preset']);

export function registerSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const admin = { onRequest: requirePermission(deps, 'presse.settings') };
  const p = settingsHandlers(deps);
  app.get('/staff/presse/einstellungen', admin, p.settingsPage);
  app.post('/staff/presse/einstellungen', admin, p.settingsSubmit);
  app.post('/staff/presse/einstellungen/nummer', admin, p.presetSubmit);
}

function settingsHandlers(deps: AppDeps) {
  const ctx = (request: FastifyRequest) => ({ tdb: request.tdb, deps });
  const actor = (request: FastifyRequest) => ({ userId: request.staff.userId, roles: request.staff.roles });
  const url = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/presse/einstellungen`;
  const body = (request: FastifyRequest) => (request.body ?? {}) as FormValues;

  async function page(request: FastifyRequest, extra: Partial<SettingsProps> = {}) {
    const ok = formField(request.query, 'ok');
    return h(SettingsPage, {
      values: await settingsOf(request.tdb, request.tenant),
      errors: [],
      preset: { year: String(DateTime.fromJSDate(deps.clock.now(), { zone: BERLIN }).year) },
      presetErrors: [],
      counters: await counters(ctx(request)),
      notice: ok && notices.has(ok) ? ok : undefined,
      ...extra,
    });
  }

  async function settingsPage(request: FastifyRequest, reply: FastifyReply) {
    return reply.render(await page(request));
  }

  async function settingsSubmit(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(settingsForm, body(request));
    if (!parsed.ok) return reply.status(422).render(await page(request, { values: body(request), errors: parsed.errors }));
    await saveSettings(ctx(request), actor(request), parsed.data);
    return reply.redirect(`${url(request)}?ok=saved`, 303);
  }

  async function presetSubmit(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(presetForm, body(request));
    if (!parsed.ok) return reply.status(422).render(await page(request, { preset: body(request), presetErrors: parsed.errors }));
    try {
      await presetNumber(ctx(request), actor(request), parsed.data.year, parsed.data.next);
    } catch (err) {
      if (err instanceof ValidationError) return reply.status(err.status).render(await page(request, { preset: body(request), presetErrors: err.fields }));
      throw err;
    }
    return reply.redirect(`${url(request)}?ok=preset`, 303);
  }

  return { settingsPage, settingsSubmit, presetSubmit };
}
