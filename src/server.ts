// `npm start` / `npm run dev`: the web server. With WORKER=on (the default) it also runs the background jobs;
// with WORKER=off it only serves, and `npm run worker` (src/worker.ts) runs them in a process of its own.
import { buildApp } from './app.js';
import { backgroundJobs } from './deps.js';
import { seedDemo } from './seed.js';
import { startWorker } from '#shared/jobs/worker.js';
import { setHeapGrowth } from '#shared/heap.js';
import { configOrExit, fail, startDeps, stopGracefully } from './startup.js';

setHeapGrowth();
const config = configOrExit();
const deps = await startDeps(config);
if (config.env !== 'production') await seedDemo(deps);

const app = await buildApp(deps);
const worker = config.worker ? startWorker(deps, backgroundJobs(deps)) : undefined;
// No new requests, running ones finish; then a running job.
stopGracefully(deps, async () => {
  await app.close();
  await worker?.stop();
});

try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  fail(`Invalid configuration: PORT ${config.port} on HOST ${config.host} cannot be used (${err instanceof Error ? err.message : String(err)})`);
}
deps.logger.info(`Wegweiser is running at ${config.publicUrl}`);
