ALTER TABLE "administrations" ADD COLUMN "note_id" uuid;--> statement-breakpoint
ALTER TABLE "complications" ADD COLUMN "note_id" uuid;--> statement-breakpoint
ALTER TABLE "complications" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "complications" ADD COLUMN "reported_by" text DEFAULT 'clinician' NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "form" jsonb;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "form_version" text;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "plan_revision" integer;--> statement-breakpoint
ALTER TABLE "administrations" ADD CONSTRAINT "administrations_note_fk" FOREIGN KEY ("clinic_id","note_id") REFERENCES "public"."procedure_notes"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_note_fk" FOREIGN KEY ("clinic_id","note_id") REFERENCES "public"."procedure_notes"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_visit_idx" ON "consents" USING btree ("clinic_id","visit_id");--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_status_check" CHECK ("complications"."status" in ('active', 'entered-in-error'));--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_reported_by_check" CHECK ("complications"."reported_by" in ('clinician', 'patient'));