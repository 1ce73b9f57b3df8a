import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#shared/config.js';
import { startServerProcess, stopServerProcess } from '#shared/testing/scratch.js';

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', publicUrl: 'http://localhost:3000', captcha: true });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^Invalid configuration: PORT /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ CAPTCHA: 'off' })).toThrow(/CAPTCHA may only be 'off' when NODE_ENV=test/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY/);
  });

  it('stops the server with exit code 1 and one line for PORT=abc', () => {
    const { status, stderr } = start({ PORT: 'abc' });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Invalid configuration: PORT/);
  });

  it('stops the server with exit code 1 and one line for an unreachable DATABASE_URL', () => {
    const { status, stderr } = start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Invalid configuration: DATABASE_URL cannot be reached/);
  });
});

describe('npm start', () => {
  it('compiles the sources and starts on a new embedded database, then again on the same one', async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
    const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-start-'));
    try {
      for (const run of ['first', 'second']) {
        const server = await startServerProcess({ entry: 'build', env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', WORKER: 'off' } });
        const page = await fetch(`${server.baseUrl}/t/neue-wege`);
        expect(page.status, run).toBe(200);
        expect(await page.text(), run).toContain('Neue Wege Kreis Bergstraße');
        // The demo tenant is made once: / redirects to it as the only tenant.
        const root = await fetch(`${server.baseUrl}/`, { redirect: 'manual' });
        expect(root.headers.get('location'), run).toBe('/t/neue-wege');
        expect(await stopServerProcess(server), run).toBe(0);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
