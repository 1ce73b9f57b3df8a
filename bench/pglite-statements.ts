// npx tsx bench/pglite-statements.ts — what one statement of a wizard page save costs on PGlite, one caller, no HTTP:
// the save's two statements as the repository runs them (named, ADR 0335), the same SQL through PGlite's `query`
// (six calls into the embedded database, parsed and planned every time: what drizzle's driver does), the same SQL
// unnamed in one call (parse and plan, but one call), and a literal UPDATE through the simple protocol. Not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/shared/db/client.js';
import { TenantDb } from '../src/shared/db/tenant-scope.js';
import { draftByToken, insertDraft, saveDraft } from '../src/modules/forms/forms.repository.js';
import { formDrafts } from '../src/modules/forms/forms.tables.js';

const n = Number(process.env.BENCH_STATEMENTS ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'wegweiser-pglite-statements-'));
const database = await openDatabase({ dataDir: dir });
const client = (database.db as unknown as { $client: PGlite }).$client;
try {
  // No tenant row: the draft's foreign key is not checked in this session (it does not change what is measured).
  await client.exec('set session_replication_role = replica');
  const tenantId = crypto.randomUUID();
  const tdb = new TenantDb(database.db, tenantId);
  // A sealed draft of the size a complete Erstantrag has (about 6 kB of ciphertext).
  const sealed = { v: 1, iv: 'x'.repeat(16), tag: 'y'.repeat(24), data: 'z'.repeat(6000) } as never;
  const now = new Date();
  const draft = await insertDraft(tdb, { flowId: 'erstantrag', tokenHash: 'bench', data: sealed, lang: 'de', createdAt: now, updatedAt: now, expiresAt: now });
  await insertDraft(tdb, { flowId: 'erstantrag', tokenHash: 'other', data: sealed, lang: 'de', createdAt: now, updatedAt: now, expiresAt: now });
  let version = draft.version;

  const save = async () => {
    if (!(await saveDraft(tdb, draft.id, version, { data: sealed, updatedAt: new Date(), expiresAt: new Date() }))) throw new Error('version');
    version++;
  };
  // The repository's SELECT as drizzle builds it, with the values in place of the placeholders.
  const select = database.db
    .select()
    .from(formDrafts)
    .where(and(eq(formDrafts.tenantId, tenantId), eq(formDrafts.flowId, 'erstantrag'), eq(formDrafts.tokenHash, 'bench')))
    .limit(1)
    .toSQL();
  const selectText = select.sql;
  const { serialize } = protocol;
  const oneCall = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    parts.reduce((offset, p) => (out.set(p, offset), offset + p.length), 0);
    return out;
  };

  // The repository's SELECT prepared by drizzle but not named (`and true` makes it another text): ADR 0285's path.
  const unnamed = database.db
    .select()
    .from(formDrafts)
    .where(and(eq(formDrafts.tenantId, sql.placeholder('tenantId')), eq(formDrafts.flowId, 'erstantrag'), eq(formDrafts.tokenHash, 'bench'), sql`true`))
    .limit(1)
    .prepare('bench_unnamed');
  const variants: [string, () => Promise<unknown>][] = [
    ['SELECT of the draft, drizzle prepared, not named (before)', () => unnamed.execute({ tenantId })],
    ['SELECT of the draft, repository (named, one call)', () => draftByToken(tdb, 'erstantrag', 'bench')],
    ['SELECT of the draft, PGlite query (six calls, parsed)', () => client.query(selectText, select.params, { rowMode: 'array' })],
    [
      'SELECT of the draft, unnamed in one call (parsed)',
      async () => {
        const { messages } = await client.execProtocol(
          oneCall([serialize.parse({ text: selectText }), serialize.bind({ values: select.params.map(String) }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
          { syncToFs: false },
        );
        return parse.parseResults(messages, client.parsers, { rowMode: 'array' });
      },
    ],
    ['UPDATE of the draft, repository (named, one call)', save],
    [
      'UPDATE with literals, simple protocol (one call, parsed)',
      () => client.exec(`update form_drafts set version = version + 1, updated_at = now() where tenant_id = '${tenantId}' and token_hash = 'other'`),
    ],
  ];
  // Interleaved in batches of 50, so that a change of the machine's load hits every variant alike.
  const total = variants.map(() => 0);
  for (let round = -2; round < n / 50; round++) {
    for (const [i, [, fn]] of variants.entries()) {
      const t0 = performance.now();
      for (let k = 0; k < 50; k++) await fn();
      if (round >= 0) total[i]! += performance.now() - t0;
    }
  }
  process.stdout.write(`PGlite (data directory), ${n} statements each, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  for (const [i, [label]] of variants.entries()) process.stdout.write(`${label.padEnd(58)} ${((total[i]! * 1000) / n).toFixed(0).padStart(5)} µs\n`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
