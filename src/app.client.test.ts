// A client generated from the served OpenAPI document (openapi-typescript) type-checks a script that books an
// appointment, uploads a document and starts and answers an application; the script's typed requests are then sent
// to the app and must be accepted. Either half fails when the document drifts from what the handlers accept.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLocation, liftLimits, type TestLocation } from './modules/termine/testing.js';
import { createTestContext, type TestContext } from './testing/app.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let ctx: TestContext;
let place: TestLocation;
let dir: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  await liftLimits(ctx.deps, ctx.tenant);
  place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 2 });
  dir = mkdtempSync(join(tmpdir(), 'wegweiser-client-'));
});
afterAll(async () => ctx?.close());

/** What an integrator would write against the generated types. */
const script = (locationId: string, serviceId: string) => `
import type { paths } from './api.js';

type Json<P extends keyof paths, M extends 'get' | 'post' | 'delete'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Ok<P extends keyof paths, M extends 'get' | 'post' | 'delete', S extends number> = paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer R } } } } ? R : never;

export const booking: Json<'/api/v1/t/{tenant}/appointments', 'post'> = {
  location: '${locationId}',
  service: ['${serviceId}'],
  startsAt: '2026-11-27T10:00:00+01:00',
  name: 'Erika Muster',
  email: 'erika@example.org',
};
export function manageTokenOf(booked: Ok<'/api/v1/t/{tenant}/appointments', 'post', 201>): string {
  if (!booked.manageToken) throw new Error('no token');
  const when: string = booked.startsAt;
  return when && booked.manageToken;
}

type UploadForm = paths['/api/v1/t/{tenant}/uploads']['post'] extends { requestBody?: { content: { 'multipart/form-data': infer F } } } ? F : never;
export const upload: Omit<UploadForm, 'file'> = { bgNummer: '12345BG0012345', lastName: 'Beispiel', birthDate: '1980-01-31', documentType: 'kontoauszuege' };
export function receiptTokenOf(created: Ok<'/api/v1/t/{tenant}/uploads', 'post', 201>): string {
  return created.receiptToken;
}

export const start: Json<'/api/v1/t/{tenant}/applications', 'post'> = { flow: 'erstantrag', lang: 'de' };
export function draftOf(started: Ok<'/api/v1/t/{tenant}/applications', 'post', 201>): { id: string; token: string; page: string | undefined } {
  return { id: started.id, token: started.draftToken, page: started.next?.page };
}
export function answers(page: string): Json<'/api/v1/t/{tenant}/applications/{id}/answers', 'post'> {
  return { page, values: { firstName: 'Erika', lastName: 'Muster' } };
}
`;

describe('a client generated from the document', () => {
  it('type-checks a script that books, uploads and starts an application, and the app accepts its requests', async () => {
    const document = (await ctx.app.inject('/api/openapi.json')).json();
    writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(document)));
    writeFileSync(join(dir, 'client.ts'), script(place.locationId, place.serviceId));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', skipLibCheck: true, types: [] }, files: ['client.ts'] }),
    );
    const typeCheck = await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')]).then(
      () => '',
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    expect(typeCheck).toBe('');

    const client = (await import(pathToFileURL(join(dir, 'client.ts')).href)) as {
      booking: object;
      manageTokenOf: (b: unknown) => string;
      upload: Record<string, string>;
      receiptTokenOf: (c: unknown) => string;
      start: object;
      draftOf: (s: unknown) => { id: string; token: string; page: string | undefined };
      answers: (page: string) => object;
    };
    const api = '/api/v1/t/neue-wege';
    const booked = await ctx.app.inject({ method: 'POST', url: `${api}/appointments`, payload: client.booking });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(client.manageTokenOf(booked.json())).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const form = new FormData();
    for (const [k, v] of Object.entries(client.upload)) form.append(k, v);
    const pdf = await PDFDocument.create();
    pdf.addPage();
    form.append('file', new Blob([Buffer.from(await pdf.save())], { type: 'application/pdf' }), 'auszug.pdf');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const uploaded = await ctx.app.inject({
      method: 'POST',
      url: `${api}/uploads`,
      headers: { 'content-type': request.headers.get('content-type')! },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(client.receiptTokenOf(uploaded.json())).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const started = await ctx.app.inject({ method: 'POST', url: `${api}/applications`, payload: client.start });
    expect(started.statusCode, started.body).toBe(201);
    const draft = client.draftOf(started.json());
    const saved = await ctx.app.inject({
      method: 'POST',
      url: `${api}/applications/${draft.id}/answers`,
      headers: { authorization: `Bearer ${draft.token}` },
      payload: client.answers(draft.page!),
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }, 120_000);
});
