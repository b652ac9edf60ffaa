ALTER TABLE "arbitration_hearings" ADD COLUMN "minutes" text;--> statement-breakpoint
ALTER TABLE "arbitration_hearings" ADD COLUMN "minutes_present" jsonb;--> statement-breakpoint
ALTER TABLE "arbitration_hearings" ADD COLUMN "minutes_by" bigint;--> statement-breakpoint
ALTER TABLE "arbitration_hearings" ADD COLUMN "minutes_at" timestamp with time zone;