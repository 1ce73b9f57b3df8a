// Runs the background jobs, each in a loop of its own so a slow job (a photo conversion) never holds up another
// (the mail outbox); a lease row per job keeps two nodes from running it at once, except for a job that shares its
// work out itself (the outbox's row claims, ADR 0365).
import { and, eq, lt } from 'drizzle-orm';
import type { AppDeps, BackgroundJob, JobRunResult } from '../module.js';
import { jobLeases } from './jobs.tables.js';

/** Claims the job's lease atomically; false when another node holds it. */
async function claim(deps: AppDeps, job: BackgroundJob): Promise<boolean> {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + Math.max(job.everyMs, 60_000));
  await deps.database.db
    .insert(jobLeases)
    .values({ name: job.name, leasedUntil: new Date(0) })
    .onConflictDoNothing();
  const rows = await deps.database.db
    .update(jobLeases)
    .set({ leasedUntil: until, lastStartedAt: now })
    .where(and(eq(jobLeases.name, job.name), lt(jobLeases.leasedUntil, now)))
    .returning({ name: jobLeases.name });
  return rows.length === 1;
}

async function release(deps: AppDeps, job: BackgroundJob, error?: unknown) {
  const now = deps.clock.now();
  await deps.database.db
    .update(jobLeases)
    .set({
      // Keep the lease until the next run is due so other nodes do not run it early.
      leasedUntil: new Date(now.getTime() + job.everyMs),
      lastFinishedAt: now,
      lastError: error ? String(error instanceof Error ? error.message : error).slice(0, 500) : null,
    })
    .where(eq(jobLeases.name, job.name));
}

/**
 * One line per run, alike for every job: its name, its counts and how long it took. A run that found nothing to do
 * is logged at debug only, since most jobs poll every few seconds; one that counted anything at info.
 */
function logRun(deps: AppDeps, job: BackgroundJob, result: JobRunResult, ms: number) {
  const level = Object.values(result).some((n) => n > 0) ? 'info' : 'debug';
  deps.logger[level]({ job: job.name, result, ms }, 'background job ran');
}

/**
 * Runs one job now if its lease is free (a concurrent job: at once, it needs no lease). Returns whether it ran.
 * Used by the worker loops and by tests.
 */
export async function runJobOnce(deps: AppDeps, job: BackgroundJob, signal?: AbortSignal): Promise<boolean> {
  if (job.concurrent) {
    const started = performance.now();
    await job.run(deps, signal).then(
      (result) => logRun(deps, job, result, Math.round(performance.now() - started)),
      (err: unknown) => deps.logger.error({ err, job: job.name }, 'background job failed'),
    );
    return true;
  }
  if (!(await claim(deps, job))) return false;
  try {
    const started = performance.now();
    const result = await job.run(deps, signal);
    await release(deps, job);
    logRun(deps, job, result, Math.round(performance.now() - started));
  } catch (err) {
    deps.logger.error({ err, job: job.name }, 'background job failed');
    await release(deps, job, err);
  }
  return true;
}

export interface Worker {
  stop(): Promise<void>;
}

/**
 * One loop per job, all in this process: each polls its lease every `pollMs` after its last run ended, so jobs run
 * side by side (ADR 0326). stop() tells running jobs through their signal and waits for them to finish.
 */
export function startWorker(deps: AppDeps, jobs: BackgroundJob[], pollMs = 2_000): Worker {
  const stopping = new AbortController();
  const loops = jobs.map((job, i) => {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const tick = () => {
      running = runJobOnce(deps, job, stopping.signal)
        .then(
          () => undefined,
          (err: unknown) => deps.logger.error({ err, job: job.name }, 'job lease failed'),
        )
        .finally(() => schedule());
    };
    const schedule = (delayMs = pollMs) => {
      if (stopping.signal.aborted) return;
      timer = setTimeout(tick, delayMs);
      timer.unref();
    };
    // Spread over the first interval, so the jobs' lease queries do not all arrive at once.
    schedule(Math.round((pollMs * (i + 1)) / jobs.length));
    return {
      stop: async () => {
        clearTimeout(timer);
        await running;
      },
    };
  });
  return {
    async stop() {
      stopping.abort();
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
