// Resident memory of a process and its children, read from /proc, for the upload benchmarks.
import { readFile } from 'node:fs/promises';

export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** RSS of the server's child processes (the PDF checker), summed; 0 when there is none. */
export async function childrenRssMb(pid: number): Promise<number> {
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).split(' ').filter(Boolean);
  const sizes = await Promise.all(children.map((child) => rssMb(Number(child)).catch(() => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Peak RSS growth of the server process and of its children (sampled every 5 ms from /proc) while `task` runs, and the server's growth 5 s after. */
export async function rssGrowth(pid: number, task: () => Promise<unknown>): Promise<{ server: number; children: number; after: number }> {
  await pause(1_000);
  const before = await rssMb(pid);
  const childrenBefore = await childrenRssMb(pid);
  let peak = before;
  let childrenPeak = childrenBefore;
  const sampler = setInterval(() => {
    void rssMb(pid).then((rss) => (peak = Math.max(peak, rss)), () => undefined);
    void childrenRssMb(pid).then((rss) => (childrenPeak = Math.max(childrenPeak, rss)));
  }, 5);
  await task();
  clearInterval(sampler);
  await pause(5_000);
  return { server: peak - before, children: childrenPeak - childrenBefore, after: (await rssMb(pid)) - before };
}
