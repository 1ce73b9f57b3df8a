// How far the web server's heap may grow before V8 collects the whole of it again (ADR 0408). The server keeps
// ~45 MB of live objects (modules, translations, the embedded database's bindings) and allocates slowly on its heap
// while uploads pass through it; V8 then lets the old generation grow only ~5 % before its next full collection,
// and every megabyte of upload pieces that outlive two young collections brings one nearer. Measured on uploads,
// a fixed growth of 100 % cut the full collections from 12–25 to 2–4 per 128 uploads of 10 MB and the server's
// CPU per 10 MB by about an eighth, for at most one more live size of heap (~45 MB).
import { setFlagsFromString } from 'node:v8';

/** Growth of the old generation over its live size before the next full collection, in percent. */
export const heapGrowthPercent = 100;

/** Call once at the start of a long-running process; the limit applies from its next full collection on. */
export function setHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${heapGrowthPercent}`);
}
