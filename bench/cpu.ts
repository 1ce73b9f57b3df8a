// Where the CPU went during a measurement: the seconds of CPU each process of the cluster used (from /proc, Linux),
// PostgreSQL counted as the backends connected to the bench's database (listed every 250 ms, so a backend that ends
// during the measurement still counts) and, apart, the server's own processes (WAL writer, checkpointer …). Divided by the wall time it is the number
// of cores each one kept busy; on a 2-core machine that shows what one node takes and what is left for a second.
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux the benches run on.
const ticksPerSecond = 100;

function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may contain spaces) start with the state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** CPU seconds all processes of the machine used (first line of /proc/stat, idle and iowait left out). */
function machineSeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return ticks.reduce((sum, t, i) => (i === 3 || i === 4 ? sum : sum + t), 0) / ticksPerSecond;
}

export type Processes = Record<string, () => number[]>;

export interface CpuUse {
  wallSeconds: number;
  /** Cores kept busy on average per process group (CPU seconds / wall seconds). */
  cores: Record<string, number>;
  /** Cores kept busy by every process of the machine, the cluster's and everybody else's. */
  machine: number;
}

/** Parent pid (field 4 of /proc/<pid>/stat); undefined once the process is gone. */
function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * The PostgreSQL server's own processes besides the client backends: the postmaster, WAL writer, checkpointer,
 * background writer, autovacuum. Their work (writing the WAL of every commit, above all) is caused by the bench's
 * writes but not done in its backends; on a shared server it includes what other databases cause.
 */
function postgresServerPids(postmaster: number): number[] {
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || parentPid(Number(entry)) !== postmaster) continue;
    const command = (() => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })();
    if (/: (walwriter|checkpointer|background writer|autovacuum|logical replication launcher|archiver|stats collector)/.test(command)) pids.push(Number(entry));
  }
  return pids;
}

/** How often the bench database's backends are listed while measuring: one that ends in between keeps what it used until then. */
const backendSampleMs = 250;

/** The direct children of a process (the server's PDF checker), from /proc; empty once it is gone. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Starts counting the given process groups only (no database); the returned function stops and says how many cores each kept busy. */
export function processMeter(processes: Processes): () => CpuUse {
  const at = () => new Map(Object.values(processes).flatMap((pids) => pids()).map((pid) => [pid, cpuSeconds(pid)]));
  const started = performance.now();
  const machineBefore = machineSeconds();
  const before = at();
  return () => {
    const after = at();
    const wallSeconds = (performance.now() - started) / 1000;
    const machine = (machineSeconds() - machineBefore) / wallSeconds;
    const cores: Record<string, number> = {};
    for (const [name, pids] of Object.entries(processes)) {
      cores[name] = pids().reduce((sum, pid) => sum + (after.get(pid) ?? 0) - (before.get(pid) ?? 0), 0) / wallSeconds;
    }
    return { wallSeconds, cores, machine };
  };
}

/** Starts counting; the returned function stops and says how many cores each group kept busy. */
export async function cpuMeter(databaseUrl: string, processes: Processes): Promise<() => Promise<CpuUse>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const backends = async () =>
    (await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows.map((r) => r.pid);
  // The client's own backend is a child of the postmaster; its pid says which process that is.
  const own = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const postmaster = parentPid(own);
  const server = () => (postmaster === undefined ? [] : postgresServerPids(postmaster));
  // Backends come and go between and during the phases (pool connections opened by the load, closed when idle):
  // every backend seen at the start or in a sample counts, with its last reading; one not there at the start used
  // all its CPU inside the measurement.
  const start = new Map<number, number>();
  const last = new Map<number, number>();
  const sampleBackends = async () => {
    for (const pid of await backends()) {
      const seconds = cpuSeconds(pid);
      if (seconds > 0) last.set(pid, seconds);
    }
  };
  const groups: Processes = { ...processes, 'postgres server': server };
  const at = () => new Map([...Object.values(groups).flatMap((pids) => pids())].map((pid) => [pid, cpuSeconds(pid)]));
  const started = performance.now();
  const machineBefore = machineSeconds();
  const before = at();
  for (const pid of await backends()) start.set(pid, cpuSeconds(pid));
  await sampleBackends();
  let sampling = Promise.resolve();
  const sampler = setInterval(() => {
    sampling = sampling.then(sampleBackends, () => undefined);
  }, backendSampleMs);
  return async () => {
    clearInterval(sampler);
    await sampling.catch(() => undefined);
    await sampleBackends();
    const after = at();
    const machine = machineSeconds() - machineBefore;
    const wallSeconds = (performance.now() - started) / 1000;
    await client.end();
    const cores: Record<string, number> = {};
    const used = (pids: number[]) => pids.reduce((sum, pid) => sum + (after.get(pid) ?? 0) - (before.get(pid) ?? 0), 0);
    for (const [name, pids] of Object.entries(processes)) cores[name] = used(pids()) / wallSeconds;
    let backendSeconds = 0;
    for (const [pid, seconds] of last) backendSeconds += seconds - (start.get(pid) ?? 0);
    cores['postgres backends'] = backendSeconds / wallSeconds;
    cores['postgres server'] = used(server()) / wallSeconds;
    return { wallSeconds, cores, machine: machine / wallSeconds };
  };
}

export function formatCpu(use: CpuUse): string {
  const total = Object.values(use.cores).reduce((a, b) => a + b, 0);
  return `cores busy: ${Object.entries(use.cores).map(([name, cores]) => `${name} ${cores.toFixed(2)}`).join(', ')}; all ${total.toFixed(2)}; other processes of the machine ${Math.max(0, use.machine - total).toFixed(2)}` +
    // Somebody else's load makes the figures say more about the machine than about the application.
    (use.machine - total > 0.5 ? ' (NOT a clean measurement: the machine is busy with other work)' : '');
}

/**
 * CPU milliseconds per request of each process group (a figure the machine's other load barely changes, unlike
 * requests per second), and the rate 2 cores could carry if nothing else ran: 2,000 ms of CPU per second divided
 * by what one request costs the server side (everything but the load generator).
 */
export function perRequest(use: CpuUse, requests: number, cores = 2): string {
  const ms = Object.entries(use.cores).map(([name, c]) => [name, (c * use.wallSeconds * 1000) / Math.max(1, requests)] as const);
  // The PostgreSQL server's own processes serve every database of the server (other benches' too): printed, not summed.
  const server = ms.filter(([name]) => !name.startsWith('load generator') && name !== 'postgres server').reduce((sum, [, v]) => sum + v, 0);
  return `CPU per request: ${ms.map(([name, v]) => `${name} ${v.toFixed(2)} ms`).join(', ')}; server side ${server.toFixed(2)} ms → ${cores} cores carry at most ${((cores * 1000) / server).toFixed(0)}/s`;
}
