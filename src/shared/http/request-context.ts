// Per-request context: language (?lang, cookie, Accept-Language), the translator and the view context pages render with.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Tenant } from '../tenancy/tenants.tables.js';
import type { TenantDb } from '../db/tenant-scope.js';
import { fixedT, negotiateLanguage, supportedLanguages, textDirection, type TFunction } from '../i18n/index.js';
import type { ViewContext } from '../html/context.js';
import { sharedPage } from '../html/page-cache.js';
import { renderPage } from '../html/render.js';
import { formField } from './validation.js';
import { pageAddress } from './page-address.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: string;
    t: TFunction;
    /** Set below /t/:tenant and /api/v1/t/:tenant. */
    tenant: Tenant;
    /** Tenant-scoped database access for this request. */
    tdb: TenantDb;
    /** Extra view data set by plugins (staff navigation, CSRF token). */
    view: Partial<ViewContext>;
  }
  interface FastifyReply {
    /** Renders a page component inside the view context of this request. */
    render(page: VNode<any>, status?: number): FastifyReply; // eslint-disable-line @typescript-eslint/no-explicit-any
    /**
     * Renders a page that is the same for every visitor of this tenant, language and path (no personal data, no
     * form token): kept after the first request without a query (shared/html/page-cache.ts).
     */
    renderShared(page: () => VNode<any>): FastifyReply; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
}

export const LANG_COOKIE = 'lang';

/** Sets request.lang/t from ?lang, cookie, Accept-Language and the languages offered. */
export function applyLanguage(request: FastifyRequest, reply: FastifyReply, offered: string[]) {
  const query = formField(request.query, 'lang');
  const lang = negotiateLanguage({
    query: typeof query === 'string' ? query : undefined,
    cookie: request.cookies[LANG_COOKIE],
    acceptLanguage: request.headers['accept-language'],
    offered,
  });
  if (typeof query === 'string' && query === lang && request.cookies[LANG_COOKIE] !== lang) {
    // A preference, not personal data: remembered so the next pages keep the language.
    void reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 31_536_000 });
  }
  request.lang = lang;
  request.t = fixedT(lang);
}

export function viewContextOf(request: FastifyRequest): ViewContext {
  const tenant = (request as { tenant?: Tenant }).tenant;
  return {
    lang: request.lang,
    dir: textDirection(request.lang),
    t: request.t,
    languages: tenant ? tenant.languages.filter((l) => supportedLanguages().includes(l)) : supportedLanguages(),
    path: pageAddress(request),
    tenant,
    ...request.view,
  };
}

export function registerRequestContext(app: FastifyInstance) {
  app.decorateRequest('lang', 'de');
  app.decorateRequest('t', null as unknown as TFunction);
  app.decorateRequest('tenant', null as unknown as Tenant);
  app.decorateRequest('tdb', null as unknown as TenantDb);
  app.decorateRequest('view', null as unknown as Partial<ViewContext>);
  app.decorateReply('render', function (this: FastifyReply, page: VNode<unknown>, status?: number) {
    if (status) void this.status(status);
    return this.type('text/html; charset=utf-8').send(renderPage(viewContextOf(this.request), page));
  });
  app.decorateReply('renderShared', function (this: FastifyReply, page: () => VNode<unknown>) {
    const request = this.request;
    // A staff session or form token makes the page personal: render it for this request only.
    if (Object.keys(request.view).length > 0) return this.render(page());
    const context = viewContextOf(request);
    // A query (other than ?lang) is in the language links: such a page is rendered for this request, so a query
    // neither fills the kept pages nor shows up in another visitor's links.
    if (context.path.includes('?')) return this.render(page());
    const html = sharedPage(context.tenant, `${context.lang}|${context.path}`, () => renderPage(context, page()));
    return this.type('text/html; charset=utf-8').send(html);
  });
  app.addHook('onRequest', async (request, reply) => {
    request.view = {};
    applyLanguage(request, reply, supportedLanguages());
  });
}
