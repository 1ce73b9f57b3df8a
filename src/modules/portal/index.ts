// Portal: the tenant's start page listing its citizen services, and the pages every public site needs
// (contact, imprint, privacy, accessibility statement, Leichte Sprache). Owns no tables.
import { h } from 'preact';
import type { CitizenService, WegweiserModule } from '../../shared/module.js';
import { StartPage } from './views/StartPage.js';
import { InfoPage, infoPages, type InfoPageSlug } from './views/InfoPage.js';

export const portalModule: WegweiserModule = {
  name: 'portal',
  html(app) {
    // Imported lazily (once) to avoid a cycle: the start page lists the services of all modules.
    let services: CitizenService[] | undefined;
    app.get('/', async (_request, reply) => {
      services ??= (await import('../index.js')).modules.flatMap((m) => m.citizenServices ?? []);
      const listed = services;
      return reply.renderShared(() => h(StartPage, { services: listed }));
    });
    for (const slug of infoPages) {
      app.get(`/${slug}`, async (_request, reply) => reply.renderShared(() => h(InfoPage, { slug: slug as InfoPageSlug })));
    }
  },
};
