// The demo tenants: the jobcenter the demo is modelled on, and a fictitious second one for isolation tests.
import type { NewTenant } from '#shared/tenancy/index.js';

/** The first tenant, with the address and contact data the jobcenter publishes in its press releases. */
export const demoTenant: NewTenant = {
  slug: 'neue-wege',
  name: 'Neue Wege Kreis Bergstraße – Kommunales Jobcenter',
  shortName: 'Neue Wege',
  street: 'Walther-Rathenau-Straße 2',
  postalCode: '64646',
  city: 'Heppenheim',
  phone: '06252 15-6500',
  fax: '06252 15-6060',
  email: 'info@neue-wege.org',
  website: null,
  languages: ['de', 'en'],
};

/** A second, clearly fictitious tenant used by tests to prove isolation. */
export const secondTenant: NewTenant = {
  slug: 'muster-kreis',
  name: 'Kommunales Jobcenter Musterkreis (Testmandant)',
  shortName: 'Jobcenter Musterkreis',
  street: 'Musterstraße 1',
  postalCode: '12345',
  city: 'Musterstadt',
  phone: '01234 56-789',
  fax: null,
  email: 'kontakt@musterkreis.example',
  website: null,
  languages: ['de', 'en'],
};
