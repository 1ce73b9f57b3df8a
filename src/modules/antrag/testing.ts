// Test and benchmark support: a complete Erstantrag for a (fictitious) household of three, as
// page answers, and a runner that drives the HTML wizard over any HTTP client.
import type { FastifyInstance } from 'fastify';

export type Form = Record<string, string | string[]>;

export interface JourneyStep {
  /** `section/page`; item pages are posted to the address the previous step redirected to */
  page: string;
  form: Form;
  item?: boolean;
}

/** Anna (works), her partner Jonas (looking for work, ALG I) and their daughter Mia (6). All invented. */
export function householdOfThree(): JourneyStep[] {
  return [
    { page: 'person/name', form: { firstName: 'Anna', lastName: 'Beispiel' } },
    { page: 'person/geburtsdatum', form: { 'birthDate-day': '12', 'birthDate-month': '4', 'birthDate-year': '1990' } },
    { page: 'person/anschrift', form: { street: 'Musterweg 5', postalCode: '64646', city: 'Heppenheim' } },
    { page: 'person/kontakt', form: { email: 'anna.beispiel@example.org', phone: '' } },
    { page: 'person/situation', form: { statuses: ['arbeit'] } },
    { page: 'haushalt/personen', form: { addAnother: 'ja' } },
    { page: 'haushalt/person-name', item: true, form: { firstName: 'Jonas', lastName: 'Beispiel' } },
    { page: 'haushalt/person-beziehung', item: true, form: { relation: 'partner' } },
    { page: 'haushalt/person-geburtsdatum', item: true, form: { 'birthDate-day': '3', 'birthDate-month': '9', 'birthDate-year': '1988' } },
    { page: 'haushalt/person-situation', item: true, form: { statuses: ['arbeitsuchend'] } },
    { page: 'haushalt/personen', form: { addAnother: 'ja' } },
    { page: 'haushalt/person-name', item: true, form: { firstName: 'Mia', lastName: 'Beispiel' } },
    { page: 'haushalt/person-beziehung', item: true, form: { relation: 'kind' } },
    { page: 'haushalt/person-geburtsdatum', item: true, form: { 'birthDate-day': '15', 'birthDate-month': '6', 'birthDate-year': '2019' } },
    { page: 'haushalt/person-situation', item: true, form: { statuses: ['schule'] } },
    { page: 'haushalt/person-kindergeld', item: true, form: { kindergeld: 'ja' } },
    { page: 'haushalt/personen', form: { addAnother: 'nein' } },
    { page: 'wohnung/wohnsituation', form: { housing: 'miete' } },
    { page: 'wohnung/mietkosten', form: { kaltmiete: '550,00', nebenkosten: '120', heizkosten: '90,50' } },
    { page: 'wohnung/warmwasser', form: { hotWaterDecentral: 'nein' } },
    { page: 'einkommen/erwerb', form: { grossEarnings: '800,00', netEarnings: '640,00' } },
    { page: 'einkommen/einnahmen', form: { otherIncome: ['keine'] } },
    { page: 'einkommen/person-einnahmen', item: true, form: { otherIncome: ['alg1'] } },
    { page: 'einkommen/person-einnahmen-betraege', item: true, form: { income_alg1: '450,00' } },
    { page: 'einkommen/person-einnahmen', item: true, form: { otherIncome: ['keine'] } },
    { page: 'vermoegen/vermoegen-arten', form: { assets: ['konto'] } },
    { page: 'vermoegen/vermoegen-werte', form: { asset_konto: '1.200,00' } },
    { page: 'vermoegen/orientierung', form: {} },
    { page: 'krankenversicherung/versicherung', form: { insurance: 'gesetzlich' } },
    { page: 'krankenversicherung/krankenkasse', form: { insurer: 'Beispiel-Krankenkasse', insuranceNumber: '' } },
    { page: 'bank/konto', form: { accountHolder: 'Anna Beispiel', iban: 'DE89 3704 0044 0532 0130 00' } },
    { page: 'besonderes/situationen', form: { special: ['keine'] } },
    { page: 'unterlagen/checkliste', form: {} },
  ];
}

export interface HttpResponse {
  status: number;
  location?: string | undefined;
  body: string;
}

export interface HttpClient {
  get(path: string): Promise<HttpResponse>;
  post(path: string, form: Form): Promise<HttpResponse>;
}

export function encodeForm(form: Form): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

/** A cookie-keeping client over `app.inject` (integration tests). */
export function injectClient(app: FastifyInstance, headers: Record<string, string> = {}): HttpClient & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const remember = (setCookie: string | string[] | undefined) => {
    for (const c of setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const send = async (method: 'GET' | 'POST', path: string, form?: Form) => {
    const res = await app.inject({
      method,
      url: path,
      headers: { ...headers, cookie: cookieHeader(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { payload: encodeForm(form) } : {}),
    });
    remember(res.headers['set-cookie']);
    const location = res.headers.location;
    return { status: res.statusCode, location: typeof location === 'string' ? location : undefined, body: res.body };
  };
  return { cookies, get: (path) => send('GET', path), post: (path, form) => send('POST', path, form) };
}

/**
 * Starts an application and answers every step (GET the page, POST the answer), then submits (unless `submit` is false).
 * Returns the number of pages requested and the confirmation page's body.
 */
export async function runJourney(
  http: HttpClient,
  tenantBase: string,
  steps: JourneyStep[],
  { submit = true }: { submit?: boolean } = {},
): Promise<{ pages: number; confirmation: string }> {
  const base = `${tenantBase}/antrag`;
  let pages = 0;
  const expectStatus = (res: HttpResponse, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.body.slice(0, 300)}`);
  };
  const started = await http.post(`${base}/start`, {});
  pages++;
  expectStatus(started, 303, 'start');
  let location = started.location ?? '';
  for (const step of steps) {
    const path = step.item ? location : `${base}/${step.page}`;
    if (step.item && !location.startsWith(`${base}/${step.page}/`)) throw new Error(`expected to be sent to ${step.page}, got ${location}`);
    expectStatus(await http.get(path), 200, `GET ${step.page}`);
    const res = await http.post(path, step.form);
    pages += 2;
    expectStatus(res, 303, `POST ${step.page}`);
    location = res.location ?? '';
  }
  if (!submit) return { pages, confirmation: '' };
  expectStatus(await http.get(`${base}/pruefen`), 200, 'check answers');
  const submitted = await http.post(`${base}/absenden`, { declaration: 'ja' });
  expectStatus(submitted, 303, 'submit');
  const confirmation = await http.get(`${base}/bestaetigung`);
  expectStatus(confirmation, 200, 'confirmation');
  pages += 3;
  return { pages, confirmation: confirmation.body };
}
