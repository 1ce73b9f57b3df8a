// What every upload use case works with: the request's tenant, its scoped database, language and translations.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { TFunction } from '#shared/i18n/index.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';

export interface UploadContext {
  deps: AppDeps;
  tenant: Tenant;
  tdb: TenantDb;
  lang: string;
  t: TFunction;
}
