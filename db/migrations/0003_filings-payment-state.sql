ALTER TABLE "filings" ADD COLUMN "paid_rials" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "billed_rials" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "ticket_id" bigint;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "confirmed_at" timestamp with time zone;