// Every table joined in a query is scoped to the tenant, in the join condition or the WHERE (doc/adr/0310): the
// tenant condition on the first table alone leaves the joined rows of other tenants reachable through a bad id.
// A source scan, because a join that forgets the tenant returns the right rows until ids collide.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname);
/** Tables that are not tenant data: the tenant registry itself (jobs across tenants join it for slug and name). */
const notTenantData = new Set(['tenants']);

/** Each `.xJoin(table, …)` with the text of its statement (up to the next semicolon). */
function joinsIn(source: string): { table: string; statement: string }[] {
  return [...source.matchAll(/\.(?:inner|left|right|full)Join\(\s*(\w+)/g)].map((m) => {
    const end = source.indexOf(';', m.index);
    return { table: m[1]!, statement: source.slice(m.index, end < 0 ? undefined : end) };
  });
}

const isScoped = (join: { table: string; statement: string }) =>
  notTenantData.has(join.table) || new RegExp(`\\.scope\\(\\s*${join.table}\\b`).test(join.statement);

describe('tenant scope of joins', () => {
  it('recognises a join scoped in its condition or the WHERE, and one that is not', () => {
    const [scoped, inWhere, bare] = [
      'db.select().from(a).innerJoin(b, tdb.scope(b, eq(b.id, a.bId))).where(tdb.scope(a));',
      'db.select().from(a).leftJoin(b, eq(b.id, a.bId)).where(and(tdb.scope(a), tdb.scope(b)));',
      'db.select().from(a).innerJoin(b, eq(b.id, a.bId)).where(tdb.scope(a));',
    ].map((s) => joinsIn(s)[0]);
    expect([isScoped(scoped!), isScoped(inWhere!), isScoped(bare!)]).toEqual([true, true, false]);
  });

  it('finds no join of tenant data without the tenant in src', () => {
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const joins = files.flatMap((file) => joinsIn(readFileSync(join(root, file), 'utf8')).map((j) => ({ file, ...j })));
    expect(joins.length).toBeGreaterThan(10);
    expect(joins.filter((j) => !isScoped(j)).map((j) => `${j.file}: ${j.table}`)).toEqual([]);
  });
});
