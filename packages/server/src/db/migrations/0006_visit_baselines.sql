CREATE TABLE "visit_baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"indication_icd10" text NOT NULL,
	"indication_display" text NOT NULL,
	"pain_nrs" integer NOT NULL,
	"peg_pain" integer,
	"peg_enjoyment" integer,
	"peg_activity" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "visit_baselines_visit_key" UNIQUE("visit_id"),
	CONSTRAINT "visit_baselines_scores_check" CHECK ("visit_baselines"."pain_nrs" between 0 and 10 and coalesce("visit_baselines"."peg_pain", 0) between 0 and 10 and coalesce("visit_baselines"."peg_enjoyment", 0) between 0 and 10 and coalesce("visit_baselines"."peg_activity", 0) between 0 and 10 and (("visit_baselines"."peg_pain" is null) = ("visit_baselines"."peg_enjoyment" is null) and ("visit_baselines"."peg_enjoyment" is null) = ("visit_baselines"."peg_activity" is null)))
);
--> statement-breakpoint
ALTER TABLE "visit_baselines" ADD CONSTRAINT "visit_baselines_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_baselines" ADD CONSTRAINT "visit_baselines_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_baselines" ADD CONSTRAINT "visit_baselines_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_baselines" ADD CONSTRAINT "visit_baselines_recorded_by_fk" FOREIGN KEY ("clinic_id","recorded_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_baselines_patient_idx" ON "visit_baselines" USING btree ("clinic_id","patient_id");--> statement-breakpoint
-- Under the same rules as every clinic table (0001): the application role reads and writes it,
-- row-level security confines it to the transaction's clinic.
GRANT SELECT, INSERT, UPDATE ON visit_baselines TO knotwork_app;
--> statement-breakpoint
ALTER TABLE visit_baselines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE visit_baselines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY clinic_isolation ON visit_baselines
  USING (clinic_id = nullif(current_setting('knotwork.clinic_id', true), '')::uuid)
  WITH CHECK (clinic_id = nullif(current_setting('knotwork.clinic_id', true), '')::uuid);
