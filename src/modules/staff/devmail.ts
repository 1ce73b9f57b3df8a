// Development only: /dev/mail lists the mails written as .eml files and the outbox.
import { readdir, readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { NotFoundError } from '#shared/http/errors.js';
import { renderOutbox } from '#shared/mail/outbox.js';
import type { AppDeps } from '#shared/module.js';
import * as repo from './staff.repository.js';
import { DevMailPage } from './views/DevMailPage.js';

const emlName = /^[\w.-]+\.eml$/;

/** /dev/mail: the mails written as .eml files and the outbox rows. Registered only with NODE_ENV=development. */
export function registerDevMailRoutes(app: FastifyInstance, deps: AppDeps) {
  if (deps.config.env !== 'development') return;
  const dir = `${deps.config.dataDir}/outbox`;
  app.get('/dev/mail', { schema: { hide: true } }, async (_request, reply) => {
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => emlName.test(f)).sort().reverse().slice(0, 100);
    // Mails rendered by the sender (ADR 0280) are shown rendered, also before the sender ran.
    await renderOutbox(deps);
    const rows = await repo.latestOutboxMessages(deps.database.db, 50);
    return reply.render(h(DevMailPage, { files, rows }));
  });
  app.get<{ Params: { file: string } }>('/dev/mail/:file', { schema: { hide: true } }, async (request, reply) => {
    const { file } = request.params;
    if (!emlName.test(file)) throw new NotFoundError();
    const content = await readFile(`${dir}/${file}`, 'utf8').catch(() => {
      throw new NotFoundError();
    });
    return reply.type('text/plain; charset=utf-8').send(content);
  });
}
