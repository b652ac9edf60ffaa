ALTER TABLE "quality_complaints" ADD COLUMN "reminded_on" date;--> statement-breakpoint
ALTER TABLE "quality_complaints" ADD COLUMN "escalated_on" date;