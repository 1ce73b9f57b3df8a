import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './shared/config.js';
import { freePort } from './shared/testing/scratch.js';

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
  /** Starts build/server.js as `npm start` does and waits until it is ready. */
  async function startBuilt(dataDir: string, port: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['build/server.js'], {
      env: { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', WORKER: 'off' },
      stdio: 'ignore',
    });
    for (let i = 0; i < 120; i++) {
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
      if (ready) return child;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    child.kill('SIGKILL');
    throw new Error('build/server.js did not become ready');
  }
  const stop = (child: ChildProcess) => new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

  it('compiles the sources and starts on a new embedded database, then again on the same one', async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
    const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-start-'));
    const port = await freePort();
    try {
      for (const run of ['first', 'second']) {
        const child = await startBuilt(dataDir, port);
        const page = await fetch(`http://127.0.0.1:${port}/t/neue-wege`);
        expect(page.status, run).toBe(200);
        expect(await page.text(), run).toContain('Neue Wege Kreis Bergstraße');
        // The demo tenant is made once: / redirects to it as the only tenant.
        const root = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
        expect(root.headers.get('location'), run).toBe('/t/neue-wege');
        expect(await stop(child), run).toBe(0);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
