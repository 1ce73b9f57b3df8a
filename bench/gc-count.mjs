// Preloaded into the server by bench:upload (node --import): counts the server's garbage collections and tells the
// bench over the IPC channel, so the bench can print how many full collections a measured phase cost (ADR 0408).
import { constants, PerformanceObserver } from 'node:perf_hooks';
import process from 'node:process';

const counts = { full: 0, young: 0, pauseMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = entry.detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.full++;
    else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) counts.young++;
    counts.pauseMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
process.on('message', (message) => {
  if (message === 'gc-count') process.send?.({ gcCount: { ...counts } });
});
// The channel must not keep the server alive when it is told to stop.
process.channel?.unref();
