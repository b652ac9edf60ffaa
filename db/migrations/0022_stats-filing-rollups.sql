CREATE TABLE "stats_filings_monthly" (
	"month" date NOT NULL,
	"province_id" smallint NOT NULL,
	"office_id" integer NOT NULL,
	"service_code" text NOT NULL,
	"channel" text NOT NULL,
	"submitted" integer NOT NULL,
	"accepted" integer NOT NULL,
	"returned" integer NOT NULL,
	"response_hours" bigint NOT NULL,
	CONSTRAINT "stats_filings_monthly_month_province_id_office_id_service_code_channel_pk" PRIMARY KEY("month","province_id","office_id","service_code","channel")
);
--> statement-breakpoint
CREATE TABLE "stats_filings_pending" (
	"province_id" smallint NOT NULL,
	"office_id" integer NOT NULL,
	"service_code" text NOT NULL,
	"channel" text NOT NULL,
	"band" text NOT NULL,
	"filings" integer NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	CONSTRAINT "stats_filings_pending_province_id_office_id_service_code_channel_band_pk" PRIMARY KEY("province_id","office_id","service_code","channel","band")
);
