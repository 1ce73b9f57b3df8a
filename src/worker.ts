// `npm run worker`: the background jobs (mail outbox, reminders, scans, retention) in a process of their own,
// for installations whose web nodes run with WORKER=off. Any number of workers may run: each job takes a lease
// row in job_leases first, so no job runs twice at the same time; the outbox is drained by all of them at once,
// each sending the rows it claimed (ADR 0365).
import { backgroundJobs } from './deps.js';
import { startWorker } from '#shared/jobs/worker.js';
import { configOrExit, fail, startDeps, stopGracefully } from './startup.js';

const config = configOrExit();
// The embedded database belongs to one process: the web server, which then runs the jobs itself.
if (!config.databaseUrl) fail('Invalid configuration: DATABASE_URL is required for a separate worker (with the embedded database the web server runs the jobs: WORKER=on)');
const deps = await startDeps(config);
const jobs = backgroundJobs(deps);
const worker = startWorker(deps, jobs);
stopGracefully(deps, () => worker.stop());
deps.logger.info({ jobs: jobs.map((j) => j.name) }, 'Wegweiser worker is running');
