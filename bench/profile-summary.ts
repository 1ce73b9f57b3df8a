// npx tsx bench/profile-summary.ts <file.cpuprofile> [n] — the functions with the most self time and the most
// total (inclusive) time in a V8 CPU profile, as a plain table (for the profiles BENCH_CPU_PROFILE writes).
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, n = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [n]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

const label = (node: Node) => {
  const url = node.callFrame.url.replace(/^.*\/(node_modules\/)?/, '');
  return `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const total = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + ms);
  // Each label counts once per sample, also when it is on the stack more than once (recursion).
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + ms);
  }
}
const all = [...selfMs.values()].reduce((a, b) => a + b, 0);
const show = (title: string, m: Map<string, number>) => {
  process.stdout.write(`${title} (of ${all.toFixed(0)} ms sampled)\n`);
  for (const [l, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) {
    process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((ms / all) * 100).toFixed(1).padStart(5)} %  ${l}\n`);
  }
};
show('self time', self);
show('total time', total);
