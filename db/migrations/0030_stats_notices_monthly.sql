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
