// The press list's public pages: subscribe, confirm (double opt-in) and unsubscribe. Links from mails only show a
// page; the change is a POST (a mail scanner following a link changes nothing). The unsubscribe URL also takes the
// one-click POST of RFC 8058 ("List-Unsubscribe=One-Click") without a session. Personal links keep the app-wide default Cache-Control: no-store (ADR 0126).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';
import { formBody, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { subscribeForm } from './presse.schemas.js';
import * as list from './presslist.service.js';
import { ListMessagePage, SubscribePage } from './views/PressList.js';

type Token = { Params: { token: string } };

type TokenRequest = FastifyRequest<Token>;

export function registerPressListRoutes(app: FastifyInstance, deps: AppDeps) {
  const p = pressListHandlers(deps);
  app.get('/presse/verteiler', p.subscribePage);
  app.post('/presse/verteiler', { preHandler: perIpLimit(deps, publicLimits.mail) }, p.subscribeSubmit);
  app.get<Token>('/presse/verteiler/bestaetigen/:token', p.confirmPage);
  app.post<Token>('/presse/verteiler/bestaetigen/:token', { preHandler: perIpLimit(deps, publicLimits.lookup) }, p.confirmSubmit);
  app.get<Token>('/presse/verteiler/abmelden/:token', { preHandler: perIpLimit(deps, publicLimits.lookup) }, p.unsubscribePage);
  // The page's button and the mail program's one-click POST (RFC 8058) end the same way.
  app.post<Token>('/presse/verteiler/abmelden/:token', p.unsubscribeSubmit);
}

function pressListHandlers(deps: AppDeps) {
  const ctx = (request: FastifyRequest) => ({ tdb: request.tdb, tenant: request.tenant, deps });
  const path = (request: FastifyRequest, rest = '') => `/t/${request.tenant.slug}/presse/verteiler${rest}`;
  const topics = async (request: FastifyRequest) => list.topics(request.tdb, deps.clock.now());

  async function subscribePage(request: FastifyRequest, reply: FastifyReply) {
    return reply.render(h(SubscribePage, { categories: await topics(request), values: {}, errors: [] }));
  }

  async function subscribeSubmit(request: FastifyRequest, reply: FastifyReply) {
    const body = formBody(request.body);
    const parsed = safeParseForm(subscribeForm, body);
    const available = await topics(request);
    if (!parsed.ok) {
      const chosen = ([] as unknown[]).concat(body.categories ?? []).filter((c): c is string => typeof c === 'string');
      return reply.status(422).render(h(SubscribePage, { categories: available, values: { email: typeof body.email === 'string' ? body.email : '', categories: chosen }, errors: parsed.errors }));
    }
    const categories = parsed.data.categories.filter((c) => available.includes(c));
    await list.subscribe(ctx(request), { email: parsed.data.email, categories, lang: request.lang });
    const t = request.t;
    return reply.render(h(ListMessagePage, { title: t('presse:list.checkMail.title'), text: t('presse:list.checkMail.text', { hours: list.CONFIRM_HOURS }), status: true }));
  }

  async function confirmPage(request: TokenRequest, reply: FastifyReply) {
    const t = request.t;
    return reply.render(h(ListMessagePage, { title: t('presse:list.confirm.title'), text: t('presse:list.confirm.text'), action: { path: path(request, `/bestaetigen/${request.params.token}`), label: t('presse:list.confirm.button') } }));
  }

  async function confirmSubmit(request: TokenRequest, reply: FastifyReply) {
    const t = request.t;
    if (await list.confirmSubscription(ctx(request), request.params.token)) {
      return reply.render(h(ListMessagePage, { title: t('presse:list.confirmed.title'), text: t('presse:list.confirmed.text'), status: true }));
    }
    return reply.status(410).render(h(ListMessagePage, { title: t('presse:list.invalid.title'), text: t('presse:list.invalid.text'), status: true }));
  }

  async function unsubscribePage(request: TokenRequest, reply: FastifyReply) {
    const t = request.t;
    if (!(await list.isSubscribed(ctx(request), request.params.token))) {
      return reply.render(h(ListMessagePage, { title: t('presse:list.unsubscribed.title'), text: t('presse:list.unsubscribed.text') }));
    }
    return reply.render(h(ListMessagePage, { title: t('presse:list.unsubscribe.title'), text: t('presse:list.unsubscribe.text'), action: { path: path(request, `/abmelden/${request.params.token}`), label: t('presse:list.unsubscribe.button') } }));
  }

  async function unsubscribeSubmit(request: TokenRequest, reply: FastifyReply) {
    await list.unsubscribe(ctx(request), request.params.token);
    const t = request.t;
    return reply.render(h(ListMessagePage, { title: t('presse:list.unsubscribed.title'), text: t('presse:list.unsubscribed.text'), status: true }));
  }

  return { subscribePage, subscribeSubmit, confirmPage, confirmSubmit, unsubscribePage, unsubscribeSubmit };
}
