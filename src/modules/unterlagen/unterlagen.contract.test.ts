// Contract of the Unterlagen API: every documented response, produced for real, matches /api/openapi.json.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { publicLimits } from '#shared/ratelimit/index.js';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { pdfWithPages } from './files/test/fixtures.js';
import { file, freeFields, multipart, type Part } from './test/multipart.js';

let ctx: TestContext;
const api = '/api/v1/t/neue-wege';
const nowhere = '/api/v1/t/gibt-es-nicht';

beforeAll(async () => {
  // Small limits, so that 413 needs only a few megabytes; rate limits on, since 429 is documented.
  ctx = await createTestContext({ env: { UPLOAD_MAX_FILE_MB: '1', UPLOAD_MAX_TOTAL_MB: '1', RATE_LIMITS: 'on' } });
});
afterAll(async () => ctx?.close());

const upload = (base: string, parts: Part[]): InjectOptions => ({ method: 'POST', url: `${base}/uploads`, ...multipart(parts) });
const receipt = (id: string, token?: string, accept?: string): InjectOptions => ({
  method: 'GET',
  url: `${api}/uploads/${id}/receipt`,
  headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(accept ? { accept } : {}) },
});

interface State {
  pdf: Buffer;
  id: string;
  receiptToken: string;
}

describeContract<State>('unterlagen', {
  app: () => ctx.app,
  async setup() {
    const pdf = await pdfWithPages(1);
    const created = (await ctx.app.inject(upload(api, [...freeFields(), file('auszug.pdf', pdf)]))).json() as { id: string; receiptToken: string };
    return { pdf, ...created };
  },
  operationIds: ['createUpload', 'getUploadReceipt'],
  cases: [
    { operationId: 'createUpload', status: 201, request: (s) => upload(api, [...freeFields(), file('auszug.pdf', s.pdf)]) },
    { operationId: 'createUpload', status: 404, request: (s) => upload(nowhere, [...freeFields(), file('auszug.pdf', s.pdf)]) },
    { operationId: 'createUpload', status: 413, what: 'over the total limit', request: () => upload(api, [...freeFields(), file('gross.pdf', Buffer.alloc(3 * 1024 * 1024, 1))]) },
    { operationId: 'createUpload', status: 415, what: 'not multipart', request: () => ({ method: 'POST', url: `${api}/uploads`, payload: { bgNummer: 'x' } }) },
    {
      operationId: 'createUpload',
      status: 429,
      what: 'too many uploads from one address',
      async request(s) {
        const from = { remoteAddress: '203.0.113.7' };
        for (let i = 0; i < publicLimits.upload.max; i++) await ctx.app.inject({ method: 'POST', url: `${api}/uploads`, payload: {}, ...from });
        return { ...upload(api, [...freeFields(), file('auszug.pdf', s.pdf)]), ...from };
      },
    },
    { operationId: 'createUpload', status: 422, what: 'no file, no fields', request: () => upload(api, [{ name: 'lastName', value: 'Beispiel' }]) },
    { operationId: 'getUploadReceipt', status: 200, request: (s) => receipt(s.id, s.receiptToken) },
    { operationId: 'getUploadReceipt', status: 200, what: 'as PDF', request: (s) => receipt(s.id, s.receiptToken, 'application/pdf') },
    { operationId: 'getUploadReceipt', status: 401, request: (s) => receipt(s.id) },
    { operationId: 'getUploadReceipt', status: 404, what: 'unknown token', request: (s) => receipt(s.id, 'x'.repeat(43)) },
    { operationId: 'getUploadReceipt', status: 422, what: 'malformed id', request: (s) => receipt('abc', s.receiptToken) },
  ],
});
