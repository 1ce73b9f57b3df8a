// Real errors of real drivers: an unreachable database is "unavailable" (503), a wrong statement is not (500).
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/database.js';
import { freePort } from '../testing/scratch.js';
import { openDatabase } from './client.js';
import { isDatabaseUnavailable } from './unavailable.js';

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('isDatabaseUnavailable', () => {
  it('is true for a refused connection', async () => {
    const port = await freePort();
    const err = await errorOf(() => openDatabase({ url: `postgres://nobody@127.0.0.1:${port}/none`, timeouts: { connectMs: 1_000 } }));
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('is true for a server that accepts the connection and never answers, after the connect timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const started = Date.now();
      const err = await errorOf(() => openDatabase({ url: `postgres://nobody@127.0.0.1:${port}/none`, timeouts: { connectMs: 300 } }));
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(isDatabaseUnavailable(err)).toBe(true);
    } finally {
      silent.close();
    }
  });

  it('is false for a statement the database refuses', async () => {
    const database = await openTestDatabase();
    try {
      const err = await errorOf(() => database.db.execute(sql`select * from no_such_table`));
      expect(isDatabaseUnavailable(err)).toBe(false);
      expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    } finally {
      await database.close();
    }
  });
});
