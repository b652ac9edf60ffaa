ALTER TABLE "hearing_participants" ADD COLUMN "reminded_day_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hearing_participants" ADD COLUMN "reminded_hour_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hearing_participants" ADD COLUMN "booth_no" smallint;--> statement-breakpoint
ALTER TABLE "hearing_participants" ADD COLUMN "booth_booked_by" bigint;--> statement-breakpoint
ALTER TABLE "hearing_participants" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hearing_participants" ADD COLUMN "checked_in_by" bigint;--> statement-breakpoint
ALTER TABLE "hearing_participants" ADD COLUMN "check_in_code" text;--> statement-breakpoint
CREATE INDEX "hearing_participants_office_idx" ON "hearing_participants" USING btree ("office_id");