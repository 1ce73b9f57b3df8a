// Portal: the list of tenants at /, the tenant's start page listing its citizen services, and the pages every
// public site needs (contact, imprint, privacy, accessibility statement, Leichte Sprache). Owns no tables.
import { h } from 'preact';
import type { WegweiserModule } from '#shared/module.js';
import { tenantsRepository } from '#shared/tenancy/index.js';
import { InfoPage, infoPages, type InfoPageSlug } from './views/InfoPage.js';
import { StartPage } from './views/StartPage.js';
import { TenantList } from './views/TenantList.js';

export const portalModule: WegweiserModule = {
  name: 'portal',
  html(app, deps) {
    // The services every module declared, collected by the composition root.
    const services = deps.modules.citizenServices;
    app.get('/', async (_request, reply) => reply.renderShared(() => h(StartPage, { services })));
    for (const slug of infoPages) {
      app.get(`/${slug}`, async (_request, reply) => reply.renderShared(() => h(InfoPage, { slug: slug as InfoPageSlug })));
    }
  },
  root(app, deps) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => {
      const all = await tenantsRepository.list(deps.database.db);
      if (all.length === 1) return reply.redirect(`/t/${all[0]!.slug}`);
      return reply.render(h(TenantList, { tenants: all }));
    });
  },
};
