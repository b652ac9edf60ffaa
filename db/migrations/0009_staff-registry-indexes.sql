CREATE INDEX "users_staff_name_idx" ON "users" USING btree ("last_name","first_name","id") WHERE "users"."kind" = 'staff';--> statement-breakpoint
CREATE INDEX "users_staff_national_id_idx" ON "users" USING btree ("national_id") WHERE "users"."kind" = 'staff';--> statement-breakpoint
-- The planner reads role and scope kind as independent; they are not (staff roles are always office-scoped), and
-- the misestimate made it scan every account for the staff registry. Extended statistics tell it so.
CREATE STATISTICS "role_grants_role_scope_stats" (dependencies, mcv) ON "role", "scope_kind" FROM "role_grants";
