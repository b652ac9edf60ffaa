ALTER TABLE "filings" ADD COLUMN "appeals_notice_id" bigint;--> statement-breakpoint
CREATE INDEX "filings_appeals_notice_idx" ON "filings" USING btree ("appeals_notice_id");