// The reverse proxy in front of the bench's web nodes (ADR 0295): haproxy when it is installed (Debian's package),
// otherwise a small proxy in Node. A proxy written in JavaScript costs about as much CPU per request as the app
// itself, and on 2 cores that CPU is taken from the nodes it should measure; haproxy in one thread costs a fraction.
// `use(targets)` puts a new set of nodes behind it (haproxy: restarted with a new configuration on the same port).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Proxy {
  kind: 'haproxy' | 'node';
  base: string;
  /** Process ids whose CPU time is the proxy's (the bench process itself for the Node proxy). */
  pids(): number[];
  use(targets: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(port: number): Promise<Proxy> {
  const haproxy = process.env.BENCH_PROXY !== 'node' && spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).status === 0;
  return haproxy ? startHaproxy(port) : startNodeProxy(port);
}

function haproxyConfig(port: number, targets: string[]): string {
  return [
    'global',
    '  nbthread 1',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  option forwardfor',
    '  timeout connect 5s',
    '  timeout client 60s',
    '  timeout server 60s',
    'frontend bench',
    `  bind 127.0.0.1:${port}`,
    '  default_backend nodes',
    'backend nodes',
    '  balance roundrobin',
    // Keep connections to the nodes open and share them between client connections, as the Node proxy's agent does.
    '  http-reuse always',
    ...targets.map((target, i) => `  server node${i} ${new URL(target).host} maxconn 64`),
    '',
  ].join('\n');
}

async function listening(base: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    // Any answer (also a 503 with no node yet) means the proxy listens.
    if (await fetch(`${base}/health/live`).then(() => true, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`proxy at ${base} does not answer`);
}

function startHaproxy(port: number): Proxy {
  const dir = mkdtempSync(join(tmpdir(), 'wegweiser-haproxy-'));
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const stopChild = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    kind: 'haproxy',
    base,
    pids: () => (child?.pid ? [child.pid] : []),
    async use(targets) {
      await stopChild();
      const file = join(dir, 'haproxy.cfg');
      writeFileSync(file, haproxyConfig(port, targets));
      // -db: stay in the foreground, so the bench owns the process.
      child = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'inherit'] });
      await listening(base);
    },
    close: stopChild,
  };
}

function startNodeProxy(port: number): Proxy {
  let targets: string[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]!);
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  server.listen(port, '127.0.0.1');
  return {
    kind: 'node',
    base: `http://127.0.0.1:${port}`,
    pids: () => [process.pid],
    async use(next) {
      targets = [...next];
    },
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
