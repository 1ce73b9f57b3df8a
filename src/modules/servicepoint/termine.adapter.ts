// The desk's read-only views of the booking module's locations, services and opening hours, through its exports.
import { bookingService, type TerminLocation, type TermineContext } from '../termine/index.js';

export interface DeskLocation {
  id: string;
  name: string;
  slotMinutes: number;
  seatsTotal: number;
  seatsOnline: number;
}

export interface DeskService {
  id: string;
  name: Record<string, string>;
  bringList: Record<string, string[]>;
  durationMinutes: number;
  locationIds: string[];
}

const toDeskLocation = (l: TerminLocation): DeskLocation => ({ id: l.id, name: l.name, slotMinutes: l.slotMinutes, seatsTotal: l.seatsTotal, seatsOnline: l.seatsOnline });

/** Active locations in display order; active services (also those bookable only by staff) with their locations. */
export async function deskCatalogue(ctx: TermineContext): Promise<{ locations: DeskLocation[]; services: DeskService[] }> {
  const { locations, services } = await bookingService.staffCatalogue(ctx);
  return {
    locations: locations.map(toDeskLocation),
    services: services.map((s) => ({ id: s.id, name: s.name, bringList: s.bringList, durationMinutes: s.durationMinutes, locationIds: s.locationIds })),
  };
}

/** Active locations only: one query, for the location check on every desk, display and kiosk request. */
export async function deskLocations(ctx: TermineContext): Promise<DeskLocation[]> {
  return (await bookingService.activeLocations(ctx)).map(toDeskLocation);
}

export async function deskServices(ctx: TermineContext): Promise<DeskService[]> {
  return (await deskCatalogue(ctx)).services;
}

export function localizedText(text: Record<string, string> | undefined, lang: string): string {
  return text ? text[lang] || text.de || '' : '';
}

export function localizedList(list: Record<string, string[]> | undefined, lang: string): string[] {
  if (!list) return [];
  const own = list[lang];
  return own && own.length > 0 ? own : (list.de ?? []);
}

/** Minutes between two local wall-clock times "HH:mm" of the same day. */
function minutesBetween(opensAt: string, closesAt: string): number {
  const minutes = (time: string) => {
    const [hours = 0, mins = 0] = time.split(':').map(Number);
    return hours * 60 + mins;
  };
  return minutes(closesAt) - minutes(opensAt);
}

/** Opening minutes per ISO weekday (1 = Monday) of a location, for the utilisation figure. */
export async function openingMinutesByWeekday(ctx: TermineContext, locationId: string): Promise<Map<number, number>> {
  const byWeekday = new Map<number, number>();
  for (const rule of await bookingService.openingHours(ctx, locationId)) {
    byWeekday.set(rule.weekday, (byWeekday.get(rule.weekday) ?? 0) + minutesBetween(rule.opensAt, rule.closesAt));
  }
  return byWeekday;
}
