CREATE TABLE "stats_board_annual_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"figures" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" integer,
	CONSTRAINT "stats_board_annual_reports_year_unique" UNIQUE("year")
);
