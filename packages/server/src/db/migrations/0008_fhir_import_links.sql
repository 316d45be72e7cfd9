-- FHIR import (issue 5, item 3): which chart entry each EHR resource became, under its match key,
-- with the EHR's code as sent (schema/fhir-imports.ts).
CREATE TABLE "fhir_import_links" (
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"match_key" text NOT NULL,
	"entry_id" uuid NOT NULL,
	"source_code" jsonb NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fhir_import_links_pkey" PRIMARY KEY("clinic_id","patient_id","kind","match_key"),
	CONSTRAINT "fhir_import_links_kind_check" CHECK ("fhir_import_links"."kind" in ('condition', 'allergy', 'medicine', 'observation')),
	CONSTRAINT "fhir_import_links_match_key_check" CHECK (length("fhir_import_links"."match_key") > 0)
);
--> statement-breakpoint
ALTER TABLE "fhir_import_links" ADD CONSTRAINT "fhir_import_links_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_import_links" ADD CONSTRAINT "fhir_import_links_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fhir_import_links_entry_idx" ON "fhir_import_links" USING btree ("clinic_id","kind","entry_id");--> statement-breakpoint
-- Under the same rules as every clinic table (0001): the application role reads and writes it,
-- row-level security confines it to the transaction's clinic.
GRANT SELECT, INSERT, UPDATE ON fhir_import_links TO knotwork_app;
--> statement-breakpoint
ALTER TABLE fhir_import_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE fhir_import_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY clinic_isolation ON fhir_import_links
  USING (clinic_id = nullif(current_setting('knotwork.clinic_id', true), '')::uuid)
  WITH CHECK (clinic_id = nullif(current_setting('knotwork.clinic_id', true), '')::uuid);
