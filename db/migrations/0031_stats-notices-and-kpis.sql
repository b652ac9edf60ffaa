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
--> statement-breakpoint
CREATE TABLE "stats_notices_monthly" (
	"month" date NOT NULL,
	"province_id" smallint NOT NULL,
	"office_id" integer NOT NULL,
	"kind" text NOT NULL,
	"issued" integer NOT NULL,
	"opened_at_office" integer NOT NULL,
	"opened_online" integer NOT NULL,
	"office_delay_hours" bigint NOT NULL,
	"online_delay_hours" bigint NOT NULL,
	CONSTRAINT "stats_notices_monthly_month_province_id_office_id_kind_pk" PRIMARY KEY("month","province_id","office_id","kind")
);
