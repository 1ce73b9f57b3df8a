// Resident memory of a process and its children, read from /proc, for the upload benchmarks.
import { readFile } from 'node:fs/promises';

/** VmRSS: resident now; VmHWM: the highest it has been in the process's life. */
export type RssField = 'VmRSS' | 'VmHWM';

export async function rssMb(pid: number, field: RssField = 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) / 1024;
}

/** RSS of the server's child processes (the PDF checker), summed; 0 when there is none. */
export async function childrenRssMb(pid: number, field: RssField = 'VmRSS'): Promise<number> {
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).split(' ').filter(Boolean);
  const sizes = await Promise.all(children.map((child) => rssMb(Number(child), field).catch(() => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Peak RSS growth of the server process and of its children (sampled every 5 ms from /proc) while `task` runs, and the
 * server's growth 5 s after. `childField: 'VmHWM'` reads each child's own peak, for children that live shorter than a
 * sample is likely to catch at their height (the photo conversion process).
 */
export async function rssGrowth(pid: number, task: () => Promise<unknown>, childField: RssField = 'VmRSS'): Promise<{ server: number; children: number; after: number }> {
  await pause(1_000);
  const before = await rssMb(pid);
  const childrenBefore = await childrenRssMb(pid);
  let peak = before;
  let childrenPeak = childrenBefore;
  const sampler = setInterval(() => {
    void rssMb(pid).then((rss) => (peak = Math.max(peak, rss)), () => undefined);
    void childrenRssMb(pid, childField).then((rss) => (childrenPeak = Math.max(childrenPeak, rss)));
  }, 5);
  await task();
  clearInterval(sampler);
  await pause(5_000);
  return { server: peak - before, children: childrenPeak - childrenBefore, after: (await rssMb(pid)) - before };
}
