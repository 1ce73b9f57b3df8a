// Throwaway resources for tests and benchmarks that start their own server process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';

/** A port that was free a moment ago on 127.0.0.1 (for a child process that must be told its port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ScratchDatabase {
  name: string;
  /** URL of the new database (the admin URL with its path replaced). */
  url: string;
  /** Drops it, ending connections that are still open (a killed child may leave some). */
  drop(): Promise<void>;
}

async function withClient<T>(connectionString: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new PostgreSQL database next to `adminUrl`'s, named `<prefix>_<random>`: empty, or a copy of `template`. */
export async function createScratchDatabase(adminUrl: string, prefix: string, template?: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`create database ${name}${template ? ` template ${template}` : ''}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Resolves with the exit code once the process has ended and its stderr is read to the end. */
  exited: Promise<number | null>;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** How it ended (exit code or signal) and its stderr, for the message of a test that did not expect it to end. */
  describeExit(): string;
}

/**
 * Preloaded into the child: tells the parent over IPC the port its server listens on. Until then an answer on the
 * port may come from another process: the port was free when chosen, but the child binds it only 10–15 s later,
 * and meanwhile a server of another test can get it from the kernel (the child then exits with EADDRINUSE).
 */
const reportListening = `data:text/javascript,${encodeURIComponent(`
import { Server } from 'node:net';
const listen = Server.prototype.listen;
Server.prototype.listen = function (...args) {
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') process.send?.({ listening: address.port });
  });
  return listen.apply(this, args);
};
process.channel?.unref();
`)}`;

/** Attempts with a new port when another process took the chosen one before the child could bind it. */
const portAttempts = 3;

/**
 * The real server in a child process, resolved once it listens on its port and /health/ready answers there:
 * `build/server.js` as `npm start` runs it (compile first with scripts/build.mjs), or the sources with tsx as node's
 * loader (the tsx CLI would start a grandchild that signals miss). Fails with the server's stderr when it exits or is
 * not ready in time.
 */
export async function startServerProcess(options: {
  entry: 'build' | 'sources';
  env: Record<string, string>;
  port?: number;
  cwd?: string;
  timeoutMs?: number;
  /** Options for node itself, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
}): Promise<ServerProcess> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (let attempt = 1; ; attempt++) {
    const server = spawnServer(options, options.port ?? (await freePort()));
    try {
      await untilReady(server, deadline);
      return server;
    } catch (error) {
      const portTaken = server.stderr().includes('EADDRINUSE');
      if (options.port !== undefined || !portTaken || attempt === portAttempts) throw error;
    }
  }
}

function spawnServer(options: Parameters<typeof startServerProcess>[0], port: number): ServerProcess & { listening: Promise<void> } {
  const entry = options.entry === 'build' ? ['build/server.js'] : ['--import', 'tsx', 'src/server.ts'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', reportListening, ...entry], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const listening = new Promise<void>((resolve) => child.on('message', (message: { listening?: number }) => message.listening === port && resolve()));
  const describeExit = () => {
    const how = child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode ? `signal ${child.signalCode}` : 'still running';
    return `server process ${child.pid} (${how}), stderr: ${stderr.trim() || '(empty)'}`;
  };
  return { child, baseUrl: `http://127.0.0.1:${port}`, exited, listening, stderr: () => stderr, describeExit };
}

async function untilReady(server: ServerProcess & { listening: Promise<void> }, deadline: number): Promise<void> {
  const { child, baseUrl } = server;
  let listens = false;
  let ended = false;
  void server.listening.then(() => (listens = true));
  void server.exited.then(() => (ended = true));
  for (;;) {
    if (ended) throw new Error(`server exited before it was ready: ${server.describeExit()}`);
    if (listens && (await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false))) return;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready: ${server.describeExit()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM, as an orchestrator stops it; resolves with the exit code. */
export function stopServerProcess(server: ServerProcess): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}
