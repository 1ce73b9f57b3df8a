// The caseworker's upload inbox (below /t/:tenant/staff/unterlagen): list, search, saved filters, bulk actions.
// Registered by registerStaffRoutes, so behind requirePermission(deps, 'unterlagen.review').
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { formBody, formField, parseInput, safeParseForm } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
import type { AppDeps } from '#shared/module.js';
import { bulkAccept, bulkAssign, bulkExport } from './bulk.service.js';
import { sendAttachment } from './http.js';
import { deleteInboxFilter, filterQuery, loadInbox, saveInboxFilter, storeInboxSearch } from './inbox.service.js';
import { bulkForm, inboxQuery, inboxSearchForm, saveFilterForm } from './unterlagen.schemas.js';
import { BulkDone } from './views/inbox/BulkDone.js';
import { StaffInbox } from './views/StaffInbox.js';

type IdParams = { id: string };

const FILTER_NOTICES = ['saved', 'deleted', 'limit', 'nameMissing', 'emptySelection'] as const;

export function registerInboxRoutes(app: FastifyInstance, deps: AppDeps) {
  const i = inboxHandlers(deps);
  app.get('/staff/unterlagen', i.inboxPage);
  // The filter form: the search is stored for this person, the address gets only its id.
  app.post('/staff/unterlagen/suche', i.searchSubmit);
  app.post('/staff/unterlagen/filter', i.filterSave);
  app.post<{ Params: IdParams }>('/staff/unterlagen/filter/:id/loeschen', i.filterDelete);
  app.post('/staff/unterlagen/sammel', i.bulkSubmit);
}

function inboxHandlers(deps: AppDeps) {
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/unterlagen`;
  const withNotice = (query: string, notice: string) => `${query ? `${query}&` : '?'}notice=${notice}`;

  async function inboxPage(request: FastifyRequest, reply: FastifyReply) {
    const query = parseInput(inboxQuery, request.query);
    const inbox = await loadInbox(deps, request.tdb, request.staff, query);
    const notice = formField(request.query, 'notice');
    return reply.render(h(StaffInbox, { ...inbox, query, saved: notice === 'saved', filterNotice: FILTER_NOTICES.find((n) => n === notice) }));
  }

  async function searchSubmit(request: FastifyRequest, reply: FastifyReply) {
    const form = parseInput(inboxSearchForm, formBody(request.body));
    const id = await storeInboxSearch(deps, request.tdb, request.staff, form);
    return reply.redirect(`${base(request)}?f=${id}`, 303);
  }

  async function filterSave(request: FastifyRequest, reply: FastifyReply) {
    const body = formBody(request.body);
    const query = parseInput(inboxQuery, body);
    const parsed = safeParseForm(saveFilterForm, body);
    if (!parsed.ok) return reply.redirect(`${base(request)}${withNotice(filterQuery(query), 'nameMissing')}`, 303);
    const saved = await saveInboxFilter(deps, request.tdb, request.staff, parsed.data.name, query);
    if (!saved.ok) return reply.redirect(`${base(request)}${withNotice(filterQuery(query), 'limit')}`, 303);
    return reply.redirect(`${base(request)}?f=${saved.id}&notice=saved`, 303);
  }

  async function filterDelete(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    if (!(await deleteInboxFilter(request.tdb, request.staff, request.params.id))) return reply.callNotFound();
    return reply.redirect(`${base(request)}?notice=deleted`, 303);
  }

  async function bulkSubmit(request: FastifyRequest, reply: FastifyReply) {
    const body = formBody(request.body);
    const query = parseInput(inboxQuery, body);
    const parsed = safeParseForm(bulkForm, body);
    const ids = parsed.ok ? (parsed.data.allOnPage ? parsed.data.pageIds : parsed.data.ids) : [];
    if (!parsed.ok || ids.length === 0) return reply.redirect(`${base(request)}${withNotice(filterQuery(query), 'emptySelection')}`, 303);
    const { action, assignee } = parsed.data;
    if (action === 'export') {
      const { name, zip } = await bulkExport(deps, request.tdb, request.staff, ids);
      return sendAttachment(reply, name, 'application/zip', zip);
    }
    const outcome = action === 'accept' ? await bulkAccept(deps, request.tdb, request.staff, ids) : await bulkAssign(deps, request.tdb, request.staff, ids, assignee || null);
    return reply.render(h(BulkDone, { outcome, back: `${base(request)}${filterQuery(query)}` }));
  }

  return { inboxPage, searchSubmit, filterSave, filterDelete, bulkSubmit };
}
