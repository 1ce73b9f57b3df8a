// The view context (language, translation, tenant, path) that every preact view reads.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from '../i18n/index.js';
import type { Tenant } from '../tenancy/tenants.tables.js';

/** What every view may read: language, translation, tenant and the current path (for language links). */
export interface ViewContext {
  lang: string;
  dir: 'ltr' | 'rtl';
  t: TFunction;
  languages: string[];
  /** The GET address of the page shown, with its query but without `lang` and one-shot notices (http/page-address.ts). */
  path: string;
  tenant?: Tenant | undefined;
  /** CSRF token for forms of logged-in staff; citizen forms carry their own tokens. */
  csrfToken?: string | undefined;
  /** Extra navigation for the staff area, filled by the auth module. */
  staffNav?: { href: string; label: string; current?: boolean }[] | undefined;
  staffUser?: { displayName: string } | undefined;
}

export const ViewContextValue = createContext<ViewContext | null>(null);

export function useView(): ViewContext {
  const value = useContext(ViewContextValue);
  if (!value) throw new Error('useView() outside of a rendered page');
  return value;
}

/** Shorthand for views: `const t = useT()`. */
export function useT(): TFunction {
  return useView().t;
}

/** The base path of the current tenant's HTML pages, e.g. `/t/neue-wege`. */
export function useTenantBase(): string {
  const { tenant } = useView();
  return tenant ? `/t/${tenant.slug}` : '';
}
