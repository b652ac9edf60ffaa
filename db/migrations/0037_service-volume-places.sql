CREATE TABLE "service_volume_county_monthly" (
	"province_id" smallint NOT NULL,
	"month" date NOT NULL,
	"county_id" integer NOT NULL,
	"service_code" text NOT NULL,
	"channel" text NOT NULL,
	"slot" smallint DEFAULT 0 NOT NULL,
	"records" bigint NOT NULL,
	"extra_parties" bigint NOT NULL,
	"extra_pages" bigint NOT NULL,
	"amount_rials" bigint NOT NULL,
	CONSTRAINT "service_volume_county_monthly_province_id_month_county_id_service_code_channel_slot_pk" PRIMARY KEY("province_id","month","county_id","service_code","channel","slot")
);
--> statement-breakpoint
CREATE TABLE "service_volume_province_monthly" (
	"month" date NOT NULL,
	"province_id" smallint NOT NULL,
	"service_code" text NOT NULL,
	"channel" text NOT NULL,
	"slot" smallint DEFAULT 0 NOT NULL,
	"records" bigint NOT NULL,
	"extra_parties" bigint NOT NULL,
	"extra_pages" bigint NOT NULL,
	"amount_rials" bigint NOT NULL,
	CONSTRAINT "service_volume_province_monthly_month_province_id_service_code_channel_slot_pk" PRIMARY KEY("month","province_id","service_code","channel","slot")
);
