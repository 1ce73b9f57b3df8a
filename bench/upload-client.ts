// The load generator of bench:upload, in a process of its own (ADR 0409): it stands in for browsers on other
// machines, so on this 2-core machine it should take as little of the cores as sending the bytes costs. It holds
// each prepared multipart body in memory and writes it to kept-alive connections: no file read and no new buffer per
// upload, and a small heap of its own whose garbage collection stays out of the measurement.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface ClientJob {
  url: string;
  bodyPath: string;
  boundary: string;
  count: number;
  clients: number;
}

const bodies = new Map<string, Buffer>();
let agent: Agent | undefined;

function post(job: ClientJob, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': `multipart/form-data; boundary=${job.boundary}`, 'content-length': body.length };
    const req = request(job.url, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => (response.statusCode === 201 ? resolve() : reject(new Error(`upload answered ${response.statusCode}: ${Buffer.concat(chunks).toString()}`))));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `count` uploads of the body, `clients` at a time; the seconds they took. */
async function run(job: ClientJob): Promise<number> {
  agent ??= new Agent({ keepAlive: true, maxSockets: job.clients });
  const body = bodies.get(job.bodyPath) ?? readFileSync(job.bodyPath);
  bodies.set(job.bodyPath, body);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: job.clients }, async () => {
      while (next < job.count) {
        next++;
        await post(job, body);
      }
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

process.on('message', (job: ClientJob) => {
  run(job).then(
    (seconds) => process.send!({ seconds }),
    (error: unknown) => process.send!({ error: String(error) }),
  );
});
process.on('disconnect', () => {
  agent?.destroy();
  process.exit(0);
});
