// Tables of the antrag module: the tenant's housing limits per household size.
import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';

/**
 * The tenant's reasonable housing costs (§ 22 SGB II, "Angemessenheitsgrenzen") per size of the
 * Bedarfsgemeinschaft, used by the non-binding estimate. `note` says where the figures come from.
 */
export const antragHousingLimits = pgTable(
  'antrag_housing_limits',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    householdSize: integer().notNull(),
    bruttokaltmieteCents: integer().notNull(),
    heizkostenCents: integer(),
    /** e.g. "illustrative demo values" or the municipality's Satzung */
    note: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.householdSize] })],
);
export type AntragHousingLimit = typeof antragHousingLimits.$inferSelect;
