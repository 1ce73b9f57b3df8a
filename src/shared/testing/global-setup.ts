// Vitest global setup: one migrated database per test run, which every test file copies instead of creating and
// migrating its own (PGlite's initdb alone takes about 4 s of CPU per file). PGlite: a data directory tarball in a
// temporary file. PostgreSQL: a template database for `create database … template …`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { createScratchDatabase } from './scratch.js';

/** PGlite: the path of a data directory tarball. PostgreSQL: the name of a template database. */
export type DatabaseTemplate = { kind: 'pglite'; file: string } | { kind: 'postgres'; name: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = await createScratchDatabase(adminUrl, 'ww_template');
    const database = await openDatabase({ url: template.url, poolSize: 1 });
    await runMigrations(database);
    await database.close();
    project.provide('databaseTemplate', { kind: 'postgres', name: template.name });
    return () => template.drop();
  }
  const database = await openDatabase({});
  await runMigrations(database);
  const dump = await database.dumpDataDir!();
  await database.close();
  const dir = await mkdtemp(join(tmpdir(), 'wegweiser-template-'));
  const file = join(dir, 'pgdata.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('databaseTemplate', { kind: 'pglite', file });
  return () => rm(dir, { recursive: true, force: true });
}
