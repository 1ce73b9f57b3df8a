// A real clamd for tests, started with a throwaway configuration and a test signature database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createClamdClient } from '../clamd.js';
import { freePort } from '../../testing/scratch.js';

/** Name under which the test signature reports; clamd appends ".UNOFFICIAL" to local signatures. */
export const testSignatureName = 'Wegweiser.Test.EICAR';

/**
 * The EICAR anti-virus test file, assembled at run time so this source file itself does not
 * match the signature in editors' or CI's scanners.
 */
export function eicar(): Buffer {
  return Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');
}

/** Path of the clamd binary (CLAMD_PATH, the Debian location, or PATH), or undefined. */
export function findClamd(): string | undefined {
  const candidates = [
    process.env.CLAMD_PATH,
    '/usr/sbin/clamd',
    '/usr/local/sbin/clamd',
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'clamd')),
  ];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

export interface ClamdFixture {
  host: string;
  port: number;
  dir: string;
  /** Process id of clamd (benchmarks count its CPU). */
  pid: number;
  stop(): Promise<void>;
}

export interface ClamdFixtureOptions {
  /** clamd's StreamMaxLength, e.g. '120M' or '1M'. */
  streamMaxLength?: string;
  startTimeoutMs?: number;
}

/**
 * Starts a private clamd on 127.0.0.1 and a free port, with a one-signature database made here
 * (MD5 of EICAR, `.hdb`): no signature download, no system service. Resolves once it answers PING.
 */
export async function startClamd(options: ClamdFixtureOptions = {}): Promise<ClamdFixture> {
  const binary = findClamd();
  if (!binary) throw new Error('clamd binary not found (install clamav-daemon or set CLAMD_PATH)');
  const dir = await mkdtemp(join(tmpdir(), 'wegweiser-clamd-'));
  const databaseDir = join(dir, 'db');
  await mkdir(databaseDir);
  const sample = eicar();
  const md5 = createHash('md5').update(sample).digest('hex');
  // Same line as `sigtool --md5 eicar.com` writes, with our own name.
  await writeFile(join(databaseDir, 'test.hdb'), `${md5}:${sample.length}:${testSignatureName}\n`);

  const host = '127.0.0.1';
  const port = await freePort();
  const config = join(dir, 'clamd.conf');
  await writeFile(
    config,
    [
      'Foreground yes',
      `DatabaseDirectory ${databaseDir}`,
      `TCPSocket ${port}`,
      `TCPAddr ${host}`,
      `StreamMaxLength ${options.streamMaxLength ?? '120M'}`,
      'Bytecode no',
      `LogFile ${join(dir, 'clamd.log')}`,
      `TemporaryDirectory ${dir}`,
      'MaxThreads 2',
      '',
    ].join('\n'),
  );

  const child = spawn(binary, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    await terminate(child, exited);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForPong({ host, port }, exited, options.startTimeoutMs ?? 20_000);
  } catch (error) {
    const log = await readFile(join(dir, 'clamd.log'), 'utf8').catch(() => '');
    await stop();
    throw new Error(`clamd did not start: ${(error as Error).message}\n${stderr}\n${log}`);
  }
  return { host, port, dir, pid: child.pid!, stop };
}

async function waitForPong(address: { host: string; port: number }, exited: Promise<number | null>, timeoutMs: number) {
  const client = createClamdClient(address, { connectTimeoutMs: 500, idleTimeoutMs: 1_000 });
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`clamd exited with code ${exitCode}`);
    try {
      await client.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

