CREATE TABLE "deadline_recounts" (
	"rule" text PRIMARY KEY NOT NULL,
	"recounted_at" timestamp with time zone NOT NULL,
	"changed" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holiday_removals" (
	"day" date PRIMARY KEY NOT NULL,
	"title_fa" text NOT NULL,
	"title_en" text NOT NULL,
	"removed_by" bigint,
	"removed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lunar_holiday_decisions" (
	"hijri" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"computed_day" date NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "lunar_holiday_decisions_day_idx" ON "lunar_holiday_decisions" USING btree ("day");--> statement-breakpoint
CREATE INDEX "lunar_holiday_decisions_computed_day_idx" ON "lunar_holiday_decisions" USING btree ("computed_day");