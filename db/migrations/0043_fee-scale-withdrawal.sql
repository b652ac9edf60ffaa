DROP INDEX "arbitration_fee_scales_valid_from_key";--> statement-breakpoint
ALTER TABLE "arbitration_fee_scales" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "arbitration_fee_scales" ADD COLUMN "withdrawn_by" bigint;--> statement-breakpoint
ALTER TABLE "arbitration_fee_scales" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "arbitration_fee_scales_valid_from_key" ON "arbitration_fee_scales" USING btree ("valid_from") WHERE withdrawn_at is null;