/** The identity area's tables: who holds which role, and where. The people themselves are the accounts area's. */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES, SCOPE_KINDS } from '#server/platform/auth/values';
import { users } from '#server/modules/accounts/tables';
import { courts } from '#server/modules/courts/tables';
import { provinces } from '#server/modules/geo/tables';
import { offices } from '#server/modules/offices/tables';

/** A role held within a scope. One person may hold several. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    scopeKind: text('scope_kind', { enum: SCOPE_KINDS }).notNull(),
    provinceId: smallint('province_id').references(() => provinces.id),
    officeId: integer('office_id').references(() => offices.id),
    courtId: integer('court_id').references(() => courts.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('role_grants_user_idx').on(t.userId),
    index('role_grants_office_idx').on(t.officeId),
    index('role_grants_province_idx').on(t.provinceId),
    // The staff registry lists office staff nationally among millions of citizen grants.
    index('role_grants_office_staff_idx')
      .on(t.provinceId, t.officeId, t.userId)
      .where(sql`${t.role} in ('operator', 'office_manager', 'consultant')`),
  ],
);
