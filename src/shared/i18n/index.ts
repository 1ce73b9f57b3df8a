// Translations (i18next): the catalogues in src/locales, language choice, fixed translators for mails and PDFs.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';

export type { TFunction };

export const localesDir = fileURLToPath(new URL('../../locales', import.meta.url));
export const defaultLanguage = 'de';

export type Catalogues = Record<string, Record<string, Record<string, unknown>>>;

/** Reads every `locales/<lang>/<namespace>.json`. Adding a language is adding a folder. */
export function readCatalogues(dir = localesDir): Catalogues {
  const catalogues: Catalogues = {};
  for (const lang of readdirSync(dir)) {
    catalogues[lang] = {};
    for (const file of readdirSync(`${dir}/${lang}`)) {
      if (!file.endsWith('.json')) continue;
      catalogues[lang][file.slice(0, -5)] = JSON.parse(readFileSync(`${dir}/${lang}/${file}`, 'utf8')) as Record<
        string,
        unknown
      >;
    }
  }
  return catalogues;
}

let instance: I18n | undefined;

/** One i18next instance per process; requests take a fixed-language `t` from it. */
export function getI18n(): I18n {
  if (instance) return instance;
  const resources = readCatalogues();
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: Object.keys(resources),
    ns: Object.keys(resources[defaultLanguage] ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // the views escape
    initAsync: false,
    returnNull: false,
  });
  instance = created;
  return created;
}

let languages: string[] | undefined;
export function supportedLanguages(): string[] {
  return (languages ??= Object.keys(getI18n().options.resources ?? {}));
}

const directions = new Map<string, 'ltr' | 'rtl'>();
const fixedTs = new Map<string, TFunction>();

export function textDirection(lang: string): 'ltr' | 'rtl' {
  let dir = directions.get(lang);
  if (!dir) directions.set(lang, (dir = getI18n().dir(lang)));
  return dir;
}

/** A translation function bound to one language (cached: creating one per request is measurable). */
export function fixedT(lang: string): TFunction {
  let t = fixedTs.get(lang);
  if (!t) fixedTs.set(lang, (t = getI18n().getFixedT(lang)));
  return t;
}

/** Picks the language: explicit choice, then cookie, then Accept-Language, then the tenant's default. */
export function negotiateLanguage(options: {
  query?: string | undefined;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
  offered: string[];
}): string {
  const offered = options.offered.filter((l) => supportedLanguages().includes(l));
  const pick = (candidate: string | undefined) =>
    candidate && offered.includes(candidate.toLowerCase()) ? candidate.toLowerCase() : undefined;
  const fromHeader = (options.acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.split('-')[0]!.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((e) => e.lang && !Number.isNaN(e.q))
    .sort((a, b) => b.q - a.q)
    .map((e) => pick(e.lang))
    .find(Boolean);
  return pick(options.query) ?? pick(options.cookie) ?? fromHeader ?? offered[0] ?? defaultLanguage;
}
