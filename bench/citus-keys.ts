// npx tsx bench/citus-keys.ts — for sharding by tenant with Citus (doc/scaling.md): every table of a migrated
// database, whether it has tenant_id, and every primary key and unique index that does not lead with tenant_id
// (Citus requires the distribution column in each of them).
import { sql } from 'drizzle-orm';
import { benchDatabase } from './support.js';

const { openDatabase } = await import('#shared/db/client.js');
const { runMigrations } = await import('#shared/db/migrate.js');
const database = await benchDatabase('postgres');
const db = await openDatabase({ url: database.url, poolSize: 1 });
try {
  await runMigrations(db);
  const result = await db.db.execute(sql`
    select c.relname as table,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant,
      coalesce((select json_agg(json_build_object('index', i.relname, 'primary', x.indisprimary,
          'columns', (select string_agg(a.attname, ', ' order by k.n) from unnest(x.indkey) with ordinality k(attnum, n)
                      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum))
          order by i.relname)
        from pg_index x join pg_class i on i.oid = x.indexrelid
        where x.indrelid = c.oid and (x.indisprimary or x.indisunique)), '[]'::json) as keys
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname = 'public' and c.relname not like '__drizzle%'
    order by c.relname`);
  const rows = (result as unknown as { rows: { table: string; has_tenant: boolean; keys: { index: string; primary: boolean; columns: string }[] }[] }).rows;
  let ok = 0;
  for (const row of rows) {
    const bad = row.keys.filter((k) => !k.columns.startsWith('tenant_id'));
    if (row.has_tenant && bad.length === 0) {
      ok++;
      continue;
    }
    const what = row.has_tenant ? bad.map((k) => `${k.primary ? 'primary key' : 'unique'} (${k.columns})`).join('; ') : 'no tenant_id column';
    process.stdout.write(`${row.table}: ${what}\n`);
  }
  process.stdout.write(`${ok} of ${rows.length} tables: tenant_id present and leading every primary and unique key\n`);
} finally {
  await db.close();
  await database.drop();
}
