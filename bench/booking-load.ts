// Load helpers shared by the booking benchmarks (bench/booking.ts, bench/scale-out.ts): the free slots of the
// bench locations as request bodies, and autocannon POSTing them with 50 clients.
import autocannon from 'autocannon';

export const tenantPath = '/api/v1/t/neue-wege';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

export interface Place {
  locationId: string;
  serviceId: string;
}

/** Every free start time of every place, each repeated once per seat (8 bookings per unit), shuffled. */
export async function slots(base: string, places: Place[]): Promise<{ place: Place; startsAt: string }[]> {
  const out: { place: Place; startsAt: string }[] = [];
  for (const place of places) {
    const q = `location=${place.locationId}&service=${place.serviceId}`;
    const days = (await (await fetch(`${base}${tenantPath}/availability/days?${q}`)).json()) as { days: { date: string }[] };
    for (const day of days.days) {
      const times = (await (await fetch(`${base}${tenantPath}/availability/times?${q}&date=${day.date}`)).json()) as { times: { startsAt: string }[] };
      for (const time of times.times) for (let seat = 0; seat < 8; seat++) out.push({ place, startsAt: time.startsAt });
    }
  }
  // Requests spread over the horizon like real traffic; each unit is still asked for exactly its 8 seats.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface LoadResult {
  /** Answers per second, whatever their status. */
  perSecond: number;
  /** 201 answers per second: bookings made. */
  createdPerSecond: number;
  p99: number;
  non2xx: number;
  total: number;
  /** Answers other than 201 by status and problem title (the error's kind), and failed requests (timeouts, resets). */
  refused: Record<string, number>;
}

export async function loadPost(url: string, bodies: () => string, duration = seconds): Promise<LoadResult> {
  const refused: Record<string, number> = {};
  const result = await autocannon({
    url,
    method: 'POST',
    connections: 50,
    duration,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: bodies() }),
        onResponse: (status, body) => {
          if (status === 201) return;
          let kind = '';
          try {
            const problem = JSON.parse(body) as { title?: string; errors?: { code?: string }[] };
            kind = [problem.title, ...(problem.errors ?? []).map((e) => e.code)].filter(Boolean).join(' / ');
          } catch {
            kind = 'no problem+json';
          }
          const key = `${status} ${kind}`;
          refused[key] = (refused[key] ?? 0) + 1;
        },
      },
    ],
  });
  // autocannon counts a timeout (10 s) as an error too.
  if (result.errors) refused[`no answer (${result.timeouts} of them timeouts)`] = result.errors;
  const created = result.statusCodeStats?.['201']?.count ?? 0;
  return { perSecond: result.requests.average, createdPerSecond: Number(created) / result.duration, p99: result.latency.p99, non2xx: result.non2xx, total: result.requests.total, refused };
}

/** "409 Termin vergeben 12, 503 … 3", or "none". */
export function formatRefused(refused: Record<string, number>): string {
  const entries = Object.entries(refused).sort(([, a], [, b]) => b - a);
  return entries.length === 0 ? 'none' : entries.map(([kind, n]) => `${kind}: ${n}`).join('; ');
}

/** Booking bodies over `all`, one after another; `reset` starts again at the first (same slots for a baseline). */
export function bookingBodies(all: { place: Place; startsAt: string }[]): { next: () => string; reset: () => void } {
  let i = 0;
  return {
    next: () => {
      const s = all[i % all.length]!;
      i++;
      return JSON.stringify({ location: s.place.locationId, service: [s.place.serviceId], startsAt: s.startsAt, name: `Bench Person ${i}`, email: `bench-${i}@example.org` });
    },
    reset: () => {
      i = 0;
    },
  };
}
