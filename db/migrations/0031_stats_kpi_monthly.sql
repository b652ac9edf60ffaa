CREATE TABLE "stats_kpi_monthly" (
	"month" date NOT NULL,
	"province_id" smallint NOT NULL,
	"office_id" integer NOT NULL,
	"service_code" text NOT NULL,
	"channel" text NOT NULL,
	"filings_started" integer NOT NULL,
	"filings_finished" integer NOT NULL,
	"surveys_answered" integer NOT NULL,
	"surveys_satisfied" integer NOT NULL,
	CONSTRAINT "stats_kpi_monthly_month_province_id_office_id_service_code_channel_pk" PRIMARY KEY("month","province_id","office_id","service_code","channel")
);
