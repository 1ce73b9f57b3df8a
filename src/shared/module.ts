// The module contract: what a capability declares (routes, jobs, demo data, start-page services, staff
// navigation, dashboard widgets, permissions) and the infrastructure every module is given (AppDeps).
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AuditVocabulary } from './audit/vocabulary.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { TenantDb } from './db/tenant-scope.js';
import type { FileStore, Scanner } from './files/index.js';
import type { TFunction } from './i18n/index.js';
import type { MailRenderer } from './mail/mail.js';
import type { MailTransport } from './mail/transport.js';
import type { Tenant, TenantCache } from './tenancy/index.js';

/**
 * What the app is built from: built once by the composition root (src/deps.ts) for the server, the worker, the
 * seed and every test, and handed to every module. Nothing of it is a module-level singleton.
 */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Resolves request.tenant; call `invalidate(slug)` after changing a tenant. */
  tenantCache: TenantCache;
  /** Encrypted storage of uploaded files (DATA_DIR/files or an S3 bucket). */
  fileStore: FileStore;
  /** The virus scan (clamd), or "not scanned" outside production. */
  scanner: Scanner;
  /** Sends what the outbox holds (SMTP, or .eml files in DATA_DIR/outbox). */
  mailTransport: MailTransport;
  /** What the modules declared, collected once (see `catalogueOf`). */
  modules: ModuleCatalogue;
}

/** A citizen service shown on the tenant's start page. */
export interface CitizenService {
  /** i18n keys */
  titleKey: string;
  descriptionKey: string;
  /** path below /t/{slug} */
  path: string;
}

/**
 * What one run of a background job did: `done`, the things it finished (mails sent, rows deleted, files scanned),
 * and further counts by name (`failed`, `pending`, one per kind). Counts only, never ids or names: the worker logs
 * the result as it is.
 */
export type JobRunResult = { done: number } & Record<string, number>;

export interface BackgroundJob {
  name: string;
  /** How often the worker runs it. */
  everyMs: number;
  /**
   * Runs in every process at once, without the job's lease, because it shares its work out itself (the outbox
   * claims rows, ADR 0365). Without it a lease lets one process run the job at a time.
   */
  concurrent?: boolean;
  /** `signal` aborts when the worker stops: a job that loops should stop between steps. */
  run(deps: AppDeps, signal?: AbortSignal): Promise<JobRunResult>;
}

/** A link in the staff navigation, shown to the roles that hold `permission`. */
export interface StaffNavItem {
  /** Path below /t/{slug}, e.g. '/staff/audit'. */
  path: string;
  labelKey: string;
  permission: string;
  /** Position in the navigation, ascending (default 50). */
  order?: number;
}

export interface DashboardItem {
  text: string;
  href?: string | undefined;
}

/** What a dashboard widget is given: the staff member's tenant, who they are, the app, their language. */
export interface DashboardInput {
  tdb: TenantDb;
  tenant: Tenant;
  staff: { userId: string; roles: readonly string[] };
  deps: AppDeps;
  t: TFunction;
  /** Base path of the tenant's pages, e.g. '/t/neue-wege'. */
  base: string;
}

/** A box on the staff start page ("what to do today"), shown to the roles that hold `permission`. */
export interface DashboardWidget {
  id: string;
  titleKey: string;
  permission: string;
  /** Position on the page, ascending (default 50). */
  order?: number;
  /** Loads today's items; an empty list shows "nothing to do". Record an audit row if it reads personal data. */
  load(input: DashboardInput): Promise<DashboardItem[]>;
}

/**
 * One capability. `html` routes are mounted below /t/:tenant, `api` routes below /api/v1/t/:tenant;
 * inside both, `request.tenant` and `request.tdb` are set. Everything else is declared as data: no module
 * registers anything with another one when it is imported.
 */
export interface WegweiserModule {
  name: string;
  html?(app: FastifyInstance, deps: AppDeps): Promise<void> | void;
  api?(app: FastifyInstance, deps: AppDeps): Promise<void> | void;
  /** Routes outside the tenant prefix (rare: e.g. a dev tool). */
  root?(app: FastifyInstance, deps: AppDeps): Promise<void> | void;
  citizenServices?: CitizenService[];
  /** Loads demo data for a tenant; must be idempotent (runs at every start outside production). */
  seedDemo?(deps: AppDeps, tenant: Tenant): Promise<void>;
  jobs?: BackgroundJob[];
  staffNav?: StaffNavItem[];
  dashboardWidgets?: DashboardWidget[];
  /** The permissions this module's routes require, each with the staff roles that grant it. */
  permissions?: Record<string, readonly string[]>;
  /** Renderers of the mails this module writes unrendered to the outbox (DeferredMail), by name. */
  mailRenderers?: Record<string, MailRenderer>;
  /** The audit words this module writes: its own, and those of a library it mounts (e.g. forms' status page). */
  auditVocabularies?: readonly AuditVocabulary[];
}

/** Everything the modules declared, in one place; ordered lists are sorted by `order`. */
export interface ModuleCatalogue {
  readonly list: readonly WegweiserModule[];
  readonly citizenServices: readonly CitizenService[];
  readonly staffNav: readonly StaffNavItem[];
  readonly dashboardWidgets: readonly DashboardWidget[];
  readonly jobs: readonly BackgroundJob[];
  /** Permission → the roles that grant it. */
  readonly permissions: ReadonlyMap<string, readonly string[]>;
  /** Renderer name → renderer (names are unique across modules). */
  readonly mailRenderers: ReadonlyMap<string, MailRenderer>;
  /** Every module's audit words, each vocabulary once (two modules may mount the same library). */
  readonly auditVocabularies: readonly AuditVocabulary[];
}

const byOrder = (a: { order?: number }, b: { order?: number }) => (a.order ?? 50) - (b.order ?? 50);

/**
 * Collects the declarations of `modules`. Fails at start (not on the first request) when two modules declare the
 * same permission, nav path, widget id or audit action (or two audit vocabularies of one name), or when a nav item
 * or widget names a permission nobody declares.
 */
export function catalogueOf(modules: readonly WegweiserModule[]): ModuleCatalogue {
  const permissions = new Map<string, readonly string[]>();
  for (const module of modules) {
    for (const [permission, roles] of Object.entries(module.permissions ?? {})) {
      if (permissions.has(permission)) throw new Error(`Permission '${permission}' is declared twice (again by module '${module.name}')`);
      permissions.set(permission, roles);
    }
  }
  const unique = <T>(items: T[], key: (item: T) => string, what: string) => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(key(item))) throw new Error(`${what} '${key(item)}' is declared twice`);
      seen.add(key(item));
    }
    return items;
  };
  const staffNav = unique(modules.flatMap((m) => m.staffNav ?? []), (i) => i.path, 'Staff navigation path').sort(byOrder);
  const dashboardWidgets = unique(modules.flatMap((m) => m.dashboardWidgets ?? []), (w) => w.id, 'Dashboard widget').sort(byOrder);
  for (const { permission } of [...staffNav, ...dashboardWidgets]) {
    if (!permissions.has(permission)) throw new Error(`Permission '${permission}' is used but no module declares it`);
  }
  const auditVocabularies = [...new Set(modules.flatMap((m) => m.auditVocabularies ?? []))];
  unique(auditVocabularies, (v) => v.name, 'Audit vocabulary');
  unique(auditVocabularies.flatMap((v) => v.actions), (a) => a, 'Audit action');
  return {
    list: modules,
    citizenServices: modules.flatMap((m) => m.citizenServices ?? []),
    staffNav,
    dashboardWidgets,
    jobs: modules.flatMap((m) => m.jobs ?? []),
    permissions,
    mailRenderers: new Map(unique(modules.flatMap((m) => Object.entries(m.mailRenderers ?? {})), ([name]) => name, 'Mail renderer')),
    auditVocabularies,
  };
}
