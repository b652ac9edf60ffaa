CREATE TABLE "sandbox_bank_transactions" (
	"token" text PRIMARY KEY NOT NULL,
	"amount_rials" bigint NOT NULL,
	"merchant_reference" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"bank_reference" text,
	"card_mask" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
