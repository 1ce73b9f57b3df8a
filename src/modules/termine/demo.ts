// Demo data: three Servicepoints of Neue Wege Kreis Bergstraße (street numbers and hours are fictitious but
// realistic) and the usual concerns; any other tenant gets one Servicepoint at its own address. Idempotent.
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import * as repo from './termine.repository.js';
import type { LocalizedList, LocalizedText } from './termine.tables.js';

interface DemoLocation extends Omit<repo.LocationValues, 'active' | 'minNoticeHours' | 'phone'> {
  phone: string | null;
  hours: { weekday: number; opensAt: string; closesAt: string }[];
}

interface DemoService {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  durationMinutes: number;
  bringList: LocalizedList;
  onlineBookable: boolean;
  locations: string[] | 'all';
}

const weekdays = (days: number[], opensAt: string, closesAt: string) => days.map((weekday) => ({ weekday, opensAt, closesAt }));

const id: LocalizedList = { de: ['Personalausweis oder Reisepass'], en: ['Identity card or passport'] };

const bergstrasse: DemoLocation[] = [
  {
    key: 'heppenheim',
    name: 'Servicepoint Heppenheim',
    street: 'Walther-Rathenau-Straße 2',
    postalCode: '64646',
    city: 'Heppenheim',
    phone: '06252 15-6500',
    directions: {
      de: 'Vom Bahnhof Heppenheim etwa 10 Minuten zu Fuß; Bushaltestelle „Kreisverwaltung“ vor dem Haus. Eingang über den Innenhof, Servicepoint im Erdgeschoss.',
      en: 'About 10 minutes on foot from Heppenheim station; bus stop “Kreisverwaltung” in front of the building. Entrance through the courtyard, Servicepoint on the ground floor.',
    },
    accessibility: {
      de: 'Stufenloser Eingang mit automatischer Tür, barrierefreies WC, zwei Behindertenparkplätze im Hof. Induktive Höranlage am Schalter 1.',
      en: 'Step-free entrance with automatic door, accessible toilet, two disabled parking spaces in the courtyard. Hearing loop at counter 1.',
    },
    slotMinutes: 15,
    seatsTotal: 8,
    seatsOnline: 5,
    horizonDays: 42,
    minNoticeKind: 'nextWorkingDay',
    sortOrder: 1,
    hours: [...weekdays([1, 2, 3, 4, 5], '08:00', '12:00'), ...weekdays([1, 2, 3], '13:00', '15:00'), ...weekdays([4], '13:00', '17:30')],
  },
  {
    key: 'bensheim',
    name: 'Servicepoint Bensheim',
    street: 'Rodensteinstraße 19',
    postalCode: '64625',
    city: 'Bensheim',
    phone: '06251 17-4300',
    directions: {
      de: '5 Minuten vom Bahnhof Bensheim Richtung Innenstadt. Parkhaus „Rodenstein“ gegenüber. Servicepoint im 1. Obergeschoss.',
      en: '5 minutes from Bensheim station towards the town centre. Car park “Rodenstein” opposite. Servicepoint on the first floor.',
    },
    accessibility: {
      de: 'Aufzug vom Eingang in das 1. Obergeschoss, barrierefreies WC. Der Eingang hat eine Klingel in 85 cm Höhe.',
      en: 'Lift from the entrance to the first floor, accessible toilet. The entrance has a doorbell at 85 cm height.',
    },
    slotMinutes: 15,
    seatsTotal: 4,
    seatsOnline: 3,
    horizonDays: 42,
    minNoticeKind: 'nextWorkingDay',
    sortOrder: 2,
    hours: [...weekdays([1, 2, 3, 4, 5], '08:00', '12:00'), ...weekdays([2, 4], '13:00', '16:00')],
  },
  {
    key: 'lampertheim',
    name: 'Servicepoint Lampertheim',
    street: 'Kaiserstraße 22',
    postalCode: '68623',
    city: 'Lampertheim',
    phone: null,
    directions: {
      de: 'Im Zentrum, 8 Minuten vom Bahnhof Lampertheim. Bushaltestelle „Schillerstraße“ (Linie 641).',
      en: 'In the centre, 8 minutes from Lampertheim station. Bus stop “Schillerstraße” (line 641).',
    },
    accessibility: {
      de: 'Ebenerdiger Zugang über die Hofeinfahrt (Klingel „Neue Wege“). Kein barrierefreies WC; bitte nutzen Sie bei Bedarf den Servicepoint Bensheim.',
      en: 'Level access through the gateway (bell “Neue Wege”). No accessible toilet; if you need one, please use the Bensheim Servicepoint.',
    },
    slotMinutes: 15,
    seatsTotal: 3,
    seatsOnline: 2,
    horizonDays: 42,
    minNoticeKind: 'nextWorkingDay',
    sortOrder: 3,
    hours: [...weekdays([1, 3, 5], '08:30', '12:00'), ...weekdays([4], '13:00', '17:00')],
  },
];

const services: DemoService[] = [
  {
    key: 'antrag-abgeben',
    name: { de: 'Antrag abgeben', en: 'Hand in an application' },
    description: { de: 'Sie geben einen ausgefüllten Antrag ab, wir prüfen ihn mit Ihnen auf Vollständigkeit.', en: 'You hand in a completed application form; we check with you that it is complete.' },
    durationMinutes: 15,
    bringList: {
      de: [...id.de, 'den ausgefüllten und unterschriebenen Antrag', 'Mietvertrag und letzte Nebenkostenabrechnung', 'Kontoauszüge der letzten drei Monate'],
      en: [...id.en!, 'the completed and signed application form', 'tenancy agreement and latest utility bill', 'bank statements of the last three months'],
    },
    onlineBookable: true,
    locations: 'all',
  },
  {
    key: 'unterlagen-abgeben',
    name: { de: 'Unterlagen abgeben', en: 'Hand in documents' },
    description: { de: 'Sie bringen Unterlagen, die wir bei Ihnen angefordert haben.', en: 'You bring documents that we asked you for.' },
    durationMinutes: 15,
    bringList: {
      de: [...id.de, 'das Schreiben, mit dem wir die Unterlagen angefordert haben', 'die angeforderten Unterlagen'],
      en: [...id.en!, 'the letter in which we asked for the documents', 'the documents asked for'],
    },
    onlineBookable: true,
    locations: 'all',
  },
  {
    key: 'beratung-leistungen',
    name: { de: 'Beratung zu Leistungen', en: 'Advice on benefits' },
    description: { de: 'Fragen zu Ihrem Bescheid, zu Zahlungen oder zu Änderungen in Ihrem Haushalt.', en: 'Questions about your decision letter, payments or changes in your household.' },
    durationMinutes: 30,
    bringList: {
      de: [...id.de, 'Ihren letzten Bescheid', 'Ihre BG-Nummer (steht auf jedem Schreiben)'],
      en: [...id.en!, 'your latest decision letter', 'your BG number (on every letter from us)'],
    },
    onlineBookable: true,
    locations: ['heppenheim', 'bensheim'],
  },
  {
    key: 'erstgespraech',
    name: { de: 'Erstgespräch', en: 'First meeting' },
    description: { de: 'Sie möchten zum ersten Mal Leistungen beantragen und sich beraten lassen.', en: 'You want to apply for benefits for the first time and get advice.' },
    durationMinutes: 30,
    bringList: {
      de: [...id.de, 'Meldebescheinigung', 'Lebenslauf, falls vorhanden'],
      en: [...id.en!, 'registration certificate', 'CV, if you have one'],
    },
    onlineBookable: true,
    locations: ['heppenheim', 'bensheim'],
  },
  {
    key: 'eingliederung',
    name: { de: 'Gespräch zur Eingliederung (nur nach Einladung)', en: 'Integration meeting (by invitation only)' },
    description: { de: 'Termine vergibt Ihre Ansprechperson.', en: 'Your contact person arranges these appointments.' },
    durationMinutes: 45,
    bringList: { de: [...id.de, 'Ihre Einladung'], en: [...id.en!, 'your invitation'] },
    onlineBookable: false,
    locations: 'all',
  },
  {
    // Booked by the coach from the participant's dossier (module coaching looks the concern up by this key).
    key: 'coaching',
    name: { de: 'Gespräch mit Ihrem Coach (nur nach Einladung)', en: 'Meeting with your coach (by invitation only)' },
    description: { de: 'Coaching Aus- und Weiterbildung: Ihr Coach vereinbart diese Termine mit Ihnen.', en: 'Coaching for training and further education: your coach arranges these appointments with you.' },
    durationMinutes: 45,
    bringList: { de: ['Ihre Unterlagen zum Kooperationsplan, falls vorhanden'], en: ['your papers on the cooperation plan, if you have any'] },
    onlineBookable: false,
    locations: ['bensheim'],
  },
];

function otherTenantLocation(tenant: Tenant): DemoLocation {
  return {
    ...bergstrasse[0]!,
    key: 'hauptstelle',
    name: `Servicepoint ${tenant.city}`,
    street: tenant.street,
    postalCode: tenant.postalCode,
    city: tenant.city,
    phone: tenant.phone,
    directions: { de: 'Im Erdgeschoss.', en: 'On the ground floor.' },
    accessibility: { de: 'Stufenloser Eingang.', en: 'Step-free entrance.' },
    seatsTotal: 2,
    seatsOnline: 2,
  };
}

export async function seedTermine(deps: AppDeps, tenant: Tenant): Promise<void> {
  const tdb = new TenantDb(deps.database.db, tenant.id);
  const locations = tenant.slug === 'neue-wege' ? bergstrasse : [otherTenantLocation(tenant)];
  // Only new rows are paired, so an administrator's later changes survive the next start.
  const locationIds = new Map<string, { id: string; created: boolean }>();
  for (const { hours, ...values } of locations) {
    const existing = await repo.getLocationByKey(tdb, values.key);
    if (existing) {
      locationIds.set(values.key, { id: existing.id, created: false });
      continue;
    }
    const created = await repo.insertLocation(tdb, { ...values, active: true, minNoticeHours: 0 });
    await repo.replaceOpeningHours(tdb, created.id, hours);
    locationIds.set(values.key, { id: created.id, created: true });
  }
  const pairs: { locationId: string; serviceId: string }[] = [];
  for (const [i, { locations: at, ...values }] of services.entries()) {
    const existing = await repo.getServiceByKey(tdb, values.key);
    const service = existing ?? (await repo.insertService(tdb, { ...values, active: true, sortOrder: i + 1 }));
    for (const [key, location] of locationIds) {
      const offered = at === 'all' || at.includes(key) || tenant.slug !== 'neue-wege';
      if (offered && (!existing || location.created)) pairs.push({ locationId: location.id, serviceId: service.id });
    }
  }
  await repo.addLocationServices(tdb, pairs);
}
