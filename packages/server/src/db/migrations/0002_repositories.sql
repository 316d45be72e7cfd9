-- What the repositories need (drizzle-kit output, plus the DELETE): a session keeps its CSRF token;
-- a screen an EHR asked for over CDS Hooks has no patient of ours, only the client's issuer; an
-- observation may hold a coded answer (pregnancy status); an allergy may name an RxNorm code; and
-- the names a patient is found by get a table of their own (prefix of any given name, indexed).
-- Row-level security and grants for the new table are in 0003. A session without a CSRF token
-- cannot be used, so any from before are ended (signed out).
DELETE FROM "sessions";--> statement-breakpoint
CREATE TABLE "patient_search_names" (
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "patient_search_names_pkey" PRIMARY KEY("clinic_id","patient_id","name")
);
--> statement-breakpoint
ALTER TABLE "allergies" DROP CONSTRAINT "allergies_substance_kind_check";--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_value_check";--> statement-breakpoint
ALTER TABLE "screens" ALTER COLUMN "patient_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "csrf_token" text NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "value_system" text;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "value_code" text;--> statement-breakpoint
ALTER TABLE "screens" ADD COLUMN "client" text;--> statement-breakpoint
ALTER TABLE "patient_search_names" ADD CONSTRAINT "patient_search_names_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_search_names" ADD CONSTRAINT "patient_search_names_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_search_names_name_idx" ON "patient_search_names" USING btree ("clinic_id","name" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "allergies" ADD CONSTRAINT "allergies_substance_kind_check" CHECK ("allergies"."substance_kind" in ('ingredient', 'class', 'excipient', 'injectate', 'rxnorm', 'text'));--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_value_code_check" CHECK (("observations"."value_system" is null) = ("observations"."value_code" is null));--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_value_check" CHECK ("observations"."value_number" is not null or "observations"."value_text" is not null or "observations"."value_code" is not null);--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_subject_check" CHECK ("screens"."patient_id" is not null or "screens"."client" is not null);