// The contract checker finds what it is there to find: missing or extra fields, undocumented statuses and media types.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractChecker } from './contract.js';

const document = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/v1/t/{tenant}/things/{id}': {
      get: {
        operationId: 'getThing',
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } }, required: ['id', 'name'], additionalProperties: false },
    },
  },
};

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  app.get('/api/v1/t/:tenant/things/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (id === 'missing') return { id: '00000000-0000-4000-8000-000000000000' };
    if (id === 'extra') return { id: '00000000-0000-4000-8000-000000000000', name: 'a', secret: 'b' };
    if (id === 'gone') return reply.status(410).send({ gone: true });
    if (id === 'text') return reply.type('text/plain').send('hello');
    return { id: '00000000-0000-4000-8000-000000000000', name: 'a' };
  });
});
afterAll(async () => app.close());

async function problemsOf(id: string) {
  const url = `/api/v1/t/x/things/${id}`;
  return new ContractChecker(document).check('getThing', 'GET', url, await app.inject(url));
}

describe('ContractChecker', () => {
  it('accepts a response as documented', async () => {
    expect(await problemsOf('ok')).toEqual([]);
  });
  it('finds a missing required field and an undocumented one', async () => {
    expect((await problemsOf('missing')).join()).toContain("required property 'name'");
    expect((await problemsOf('extra')).join()).toContain('additional properties');
  });
  it('finds an undocumented status and media type', async () => {
    expect((await problemsOf('gone')).join()).toContain('status 410 is not documented');
    expect((await problemsOf('text')).join()).toContain('media type text/plain is not documented');
  });
});
