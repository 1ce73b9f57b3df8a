// Tenant administration pages (permission termine.configure): settings, Servicepoints, concerns, closures.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { NotFoundError, ValidationError, type FieldError } from '#shared/http/errors.js';
import { formField, safeParseForm, submittedValues } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { closureForm, locationForm, serviceForm, settingsForm } from './admin.schemas.js';
import type { TermineContext } from './availability.service.js';
import { removeClosure } from './closures.service.js';
import * as config from './config.service.js';
import type { TerminLocation, TerminOpeningHours, TerminService } from './termine.tables.js';
import { AdminOverviewPage, LocationFormPage, ServiceFormPage, weekdayKeys, type FormValues } from './views/Admin.js';

const notices = new Set(['settings', 'location', 'service', 'closure', 'closureRemoved']);

function locationValues(l: TerminLocation, hours: TerminOpeningHours[]): FormValues {
  const values: FormValues = {
    name: l.name,
    street: l.street,
    postalCode: l.postalCode,
    city: l.city,
    phone: l.phone ?? '',
    directionsDe: l.directions.de,
    directionsEn: l.directions.en ?? '',
    accessibilityDe: l.accessibility.de,
    accessibilityEn: l.accessibility.en ?? '',
    slotMinutes: String(l.slotMinutes),
    seatsTotal: String(l.seatsTotal),
    seatsOnline: String(l.seatsOnline),
    horizonDays: String(l.horizonDays),
    minNoticeKind: l.minNoticeKind,
    minNoticeHours: String(l.minNoticeHours),
    active: l.active ? 'on' : '',
  };
  for (const d of weekdayKeys) {
    values[`hours${d}`] = hours
      .filter((x) => x.weekday === d)
      .map((x) => `${x.opensAt}-${x.closesAt}`)
      .join(', ');
  }
  return values;
}

const newLocationValues: FormValues = {
  slotMinutes: '15',
  seatsTotal: '4',
  seatsOnline: '3',
  horizonDays: '42',
  minNoticeKind: 'nextWorkingDay',
  minNoticeHours: '0',
  active: 'on',
  ...Object.fromEntries([1, 2, 3, 4, 5].map((d) => [`hours${d}`, '08:00-12:00'])),
};

function serviceValues(s: TerminService, locationIds: string[]): FormValues {
  return {
    nameDe: s.name.de,
    nameEn: s.name.en ?? '',
    descriptionDe: s.description.de,
    descriptionEn: s.description.en ?? '',
    durationMinutes: String(s.durationMinutes),
    bringDe: s.bringList.de.join('\n'),
    bringEn: (s.bringList.en ?? []).join('\n'),
    onlineBookable: s.onlineBookable ? 'on' : '',
    active: s.active ? 'on' : '',
    locationIds,
  };
}

/**
 * The service form shows one message at its group of location checkboxes (its first box carries the id
 * f-locationIds), where the API names each wrong element ('locationIds.2').
 */
function onServiceForm(errors: FieldError[]): FieldError[] {
  const shown = errors.map((e) => (/^locationIds\.\d+$/.test(e.field) ? { ...e, field: 'locationIds' } : e));
  return shown.filter((e, i) => e.field !== 'locationIds' || shown.findIndex((x) => x.field === 'locationIds') === i);
}

/** Field errors of a failed use case (422 page); anything else goes to the error handler. */
function fieldsOf(err: unknown): FieldError[] {
  if (err instanceof ValidationError) return err.fields;
  throw err;
}

export async function registerAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRequest', requirePermission(deps, 'termine.configure'));
  const a = adminHandlers(deps);
  app.get('/staff/termine', a.overviewPage);
  app.post('/staff/termine/einstellungen', a.settingsSubmit);
  app.get('/staff/termine/standorte/neu', a.newLocationPage);
  app.get('/staff/termine/standorte/:id', a.locationEditPage);
  app.post('/staff/termine/standorte/neu', a.locationCreate);
  app.post('/staff/termine/standorte/:id', a.locationUpdate);
  app.post('/staff/termine/standorte/:id/schliessungen', a.closureAdd);
  app.post('/staff/termine/standorte/:id/schliessungen/:cid/loeschen', a.closureRemove);
  app.get('/staff/termine/anliegen/neu', a.newServicePage);
  app.get('/staff/termine/anliegen/:id', a.serviceEditPage);
  app.post('/staff/termine/anliegen/neu', a.serviceCreate);
  app.post('/staff/termine/anliegen/:id', a.serviceUpdate);
}

function adminHandlers(deps: AppDeps) {
  const ctxOf = (request: FastifyRequest): TermineContext => ({ tdb: request.tdb, tenant: request.tenant, deps });
  const actor = (request: FastifyRequest) => ({ userId: request.staff.userId, roles: request.staff.roles });
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/termine`;
  const idOf = (request: FastifyRequest, name = 'id') => {
    const id = formField(request.params, name) ?? '';
    if (!isUuid(id)) throw new NotFoundError();
    return id;
  };
  const notice = (request: FastifyRequest) => {
    const saved = formField(request.query, 'saved');
    return saved && notices.has(saved) ? saved : undefined;
  };
  const body = (request: FastifyRequest) => submittedValues(request.body);

  async function overview(request: FastifyRequest, reply: FastifyReply, values?: FormValues, errors: FieldError[] = []) {
    const data = await config.adminOverview(ctxOf(request));
    return reply.status(errors.length ? 422 : 200).render(h(AdminOverviewPage, { ...data, values, errors, notice: notice(request) }));
  }

  async function overviewPage(request: FastifyRequest, reply: FastifyReply) {
    return overview(request, reply);
  }

  async function settingsSubmit(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(settingsForm, body(request));
    if (!parsed.ok) return overview(request, reply, body(request), parsed.errors);
    await config.saveSettings(ctxOf(request), actor(request), parsed.data);
    return reply.redirect(`${base(request)}?saved=settings`, 303);
  }

  async function locationPage(request: FastifyRequest, reply: FastifyReply, id: string | undefined, values?: FormValues, errors: FieldError[] = [], closureValues: FormValues = {}, closureErrors: FieldError[] = []) {
    if (!id) return reply.status(errors.length ? 422 : 200).render(h(LocationFormPage, { values: values ?? newLocationValues, errors, closures: [], closureValues, closureErrors }));
    const d = await config.locationDetails(ctxOf(request), id);
    return reply
      .status(errors.length || closureErrors.length ? 422 : 200)
      .render(h(LocationFormPage, { location: d.location, values: values ?? locationValues(d.location, d.hours), errors, closures: d.closures, closureValues, closureErrors, notice: notice(request) }));
  }

  async function newLocationPage(request: FastifyRequest, reply: FastifyReply) {
    return locationPage(request, reply, undefined);
  }

  async function locationEditPage(request: FastifyRequest, reply: FastifyReply) {
    return locationPage(request, reply, idOf(request));
  }

  async function locationCreate(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(locationForm, body(request));
    if (!parsed.ok) return locationPage(request, reply, undefined, body(request), parsed.errors);
    try {
      const created = await config.createLocation(ctxOf(request), actor(request), parsed.data);
      return reply.redirect(`${base(request)}/standorte/${created.id}?saved=location`, 303);
    } catch (err) {
      return locationPage(request, reply, undefined, body(request), fieldsOf(err));
    }
  }

  async function locationUpdate(request: FastifyRequest, reply: FastifyReply) {
    const id = idOf(request);
    const parsed = safeParseForm(locationForm, body(request));
    if (!parsed.ok) return locationPage(request, reply, id, body(request), parsed.errors);
    try {
      await config.updateLocation(ctxOf(request), actor(request), id, parsed.data);
      return reply.redirect(`${base(request)}/standorte/${id}?saved=location`, 303);
    } catch (err) {
      return locationPage(request, reply, id, body(request), fieldsOf(err));
    }
  }

  async function closureAdd(request: FastifyRequest, reply: FastifyReply) {
    const id = idOf(request);
    const parsed = safeParseForm(closureForm, body(request));
    if (!parsed.ok) return locationPage(request, reply, id, undefined, [], body(request), parsed.errors);
    await config.addClosure(ctxOf(request), actor(request), { locationId: id, ...parsed.data });
    return reply.redirect(`${base(request)}/standorte/${id}?saved=closure`, 303);
  }

  async function closureRemove(request: FastifyRequest, reply: FastifyReply) {
    const id = idOf(request);
    await removeClosure(ctxOf(request), idOf(request, 'cid'));
    return reply.redirect(`${base(request)}/standorte/${id}?saved=closureRemoved`, 303);
  }

  async function servicePage(request: FastifyRequest, reply: FastifyReply, id: string | undefined, values?: FormValues, reported: FieldError[] = []) {
    const errors = onServiceForm(reported);
    const { locations } = await config.adminOverview(ctxOf(request));
    if (!id) {
      const fresh: FormValues = { durationMinutes: '15', onlineBookable: 'on', active: 'on', locationIds: [] };
      return reply.status(errors.length ? 422 : 200).render(h(ServiceFormPage, { locations, values: values ?? fresh, errors }));
    }
    const d = await config.serviceDetails(ctxOf(request), id);
    return reply
      .status(errors.length ? 422 : 200)
      .render(h(ServiceFormPage, { service: d.service, locations, values: values ?? serviceValues(d.service, d.locationIds), errors, notice: notice(request) }));
  }

  async function newServicePage(request: FastifyRequest, reply: FastifyReply) {
    return servicePage(request, reply, undefined);
  }

  async function serviceEditPage(request: FastifyRequest, reply: FastifyReply) {
    return servicePage(request, reply, idOf(request));
  }

  async function serviceCreate(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(serviceForm, body(request));
    if (!parsed.ok) return servicePage(request, reply, undefined, body(request), parsed.errors);
    try {
      const created = await config.createService(ctxOf(request), actor(request), parsed.data);
      return reply.redirect(`${base(request)}/anliegen/${created.id}?saved=service`, 303);
    } catch (err) {
      return servicePage(request, reply, undefined, body(request), fieldsOf(err));
    }
  }

  async function serviceUpdate(request: FastifyRequest, reply: FastifyReply) {
    const id = idOf(request);
    const parsed = safeParseForm(serviceForm, body(request));
    if (!parsed.ok) return servicePage(request, reply, id, body(request), parsed.errors);
    try {
      await config.updateService(ctxOf(request), actor(request), id, parsed.data);
      return reply.redirect(`${base(request)}/anliegen/${id}?saved=service`, 303);
    } catch (err) {
      return servicePage(request, reply, id, body(request), fieldsOf(err));
    }
  }

  return {
    overviewPage,
    settingsSubmit,
    newLocationPage,
    locationEditPage,
    locationCreate,
    locationUpdate,
    closureAdd,
    closureRemove,
    newServicePage,
    serviceEditPage,
    serviceCreate,
    serviceUpdate,
  };
}
