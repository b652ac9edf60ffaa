CREATE TABLE "employment_alert_notices" (
	"key" text PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employment_alert_notices" ADD CONSTRAINT "employment_alert_notices_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_grants_office_staff_idx" ON "role_grants" USING btree ("province_id","office_id","user_id") WHERE "role_grants"."role" in ('operator', 'office_manager', 'consultant');