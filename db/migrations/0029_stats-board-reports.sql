CREATE TABLE "stats_board_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"figures" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" integer,
	CONSTRAINT "stats_board_reports_month_unique" UNIQUE("month")
);
