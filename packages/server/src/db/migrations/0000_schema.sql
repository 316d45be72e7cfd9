CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "cds_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"name" text NOT NULL,
	"jwks" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinic_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"settings_version" integer NOT NULL,
	"policy_version" text NOT NULL,
	"policy_values" jsonb NOT NULL,
	"follow_up_schedule" jsonb NOT NULL,
	"observation_minutes" integer NOT NULL,
	"changed_by" uuid,
	"change_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinic_settings_version_key" UNIQUE("clinic_id","settings_version"),
	CONSTRAINT "clinic_settings_observation_minutes_check" CHECK ("clinic_settings"."observation_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"id_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"second_factor_at" timestamp with time zone,
	"remote_address" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_clinic_id_id_key" UNIQUE("clinic_id","id"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('clinician', 'nurse', 'clinic-admin'))
);
--> statement-breakpoint
CREATE TABLE "patient_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"system" text NOT NULL,
	"value" text NOT NULL,
	"type_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"family_name" text NOT NULL,
	"given_names" text DEFAULT '' NOT NULL,
	"birth_date" date,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"birth_sex" text,
	"active" boolean DEFAULT true NOT NULL,
	"allergies_reviewed_at" timestamp with time zone,
	"allergies_reviewed_by" uuid,
	"medications_reconciled_at" timestamp with time zone,
	"medications_reconciled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "patients_clinic_id_id_key" UNIQUE("clinic_id","id"),
	CONSTRAINT "patients_gender_check" CHECK ("patients"."gender" in ('male', 'female', 'other', 'unknown')),
	CONSTRAINT "patients_birth_sex_check" CHECK ("patients"."birth_sex" in ('female', 'male', 'intersex', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"clinician_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "visits_clinic_id_id_key" UNIQUE("clinic_id","id"),
	CONSTRAINT "visits_status_check" CHECK ("visits"."status" in ('planned', 'arrived', 'in-progress', 'finished', 'cancelled', 'entered-in-error'))
);
--> statement-breakpoint
CREATE TABLE "allergies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"substance_kind" text NOT NULL,
	"substance_code" text,
	"substance_text" text NOT NULL,
	"type" text,
	"criticality" text,
	"clinical_status" text DEFAULT 'active' NOT NULL,
	"verification_status" text,
	"reactions" jsonb,
	"onset" text,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "allergies_substance_kind_check" CHECK ("allergies"."substance_kind" in ('ingredient', 'class', 'excipient', 'injectate', 'text')),
	CONSTRAINT "allergies_substance_code_check" CHECK (("allergies"."substance_kind" = 'text') = ("allergies"."substance_code" is null)),
	CONSTRAINT "allergies_type_check" CHECK ("allergies"."type" in ('allergy', 'intolerance')),
	CONSTRAINT "allergies_criticality_check" CHECK ("allergies"."criticality" in ('low', 'high', 'unable-to-assess')),
	CONSTRAINT "allergies_clinical_status_check" CHECK ("allergies"."clinical_status" in ('active', 'inactive', 'resolved')),
	CONSTRAINT "allergies_verification_status_check" CHECK ("allergies"."verification_status" in ('unconfirmed', 'presumed', 'confirmed', 'refuted', 'entered-in-error'))
);
--> statement-breakpoint
CREATE TABLE "conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"code" text NOT NULL,
	"display" text NOT NULL,
	"clinical_status" text NOT NULL,
	"verification_status" text DEFAULT 'confirmed' NOT NULL,
	"onset" text,
	"abatement" text,
	"body_site_muscle" text,
	"body_site_region" text,
	"laterality" text,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "conditions_clinical_status_check" CHECK ("conditions"."clinical_status" in ('active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved')),
	CONSTRAINT "conditions_verification_status_check" CHECK ("conditions"."verification_status" in ('unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error')),
	CONSTRAINT "conditions_laterality_check" CHECK ("conditions"."laterality" in ('left', 'right', 'bilateral'))
);
--> statement-breakpoint
CREATE TABLE "earlier_administrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"product_code" text,
	"ingredient_code" text,
	"text" text NOT NULL,
	"dose_ml" double precision,
	"dose_mg" double precision,
	"administered_on" text NOT NULL,
	"site" text,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "earlier_administrations_dose_check" CHECK (coalesce("earlier_administrations"."dose_ml", 0) >= 0 and coalesce("earlier_administrations"."dose_mg", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "medicines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rxnorm_code" text,
	"rxnorm_display" text,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"dosage_text" text,
	"authored_at" timestamp with time zone,
	"asserted_at" timestamp with time zone,
	"effective_start" text,
	"effective_end" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "medicines_kind_check" CHECK ("medicines"."kind" in ('request', 'statement')),
	CONSTRAINT "medicines_status_check" CHECK ("medicines"."status" in ('active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'intended', 'not-taken', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid,
	"loinc_code" text NOT NULL,
	"display" text,
	"value_number" double precision,
	"value_text" text,
	"unit" text,
	"effective_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'final' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "observations_status_check" CHECK ("observations"."status" in ('registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown')),
	CONSTRAINT "observations_value_check" CHECK ("observations"."value_number" is not null or "observations"."value_text" is not null)
);
--> statement-breakpoint
CREATE TABLE "administrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"plan_site_id" uuid,
	"muscle_code" text NOT NULL,
	"side" text NOT NULL,
	"product_code" text,
	"product_text" text NOT NULL,
	"volume_ml" double precision NOT NULL,
	"lot" text,
	"expiry" text,
	"administered_at" timestamp with time zone NOT NULL,
	"administered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "administrations_side_check" CHECK ("administrations"."side" in ('left', 'right', 'both')),
	CONSTRAINT "administrations_volume_check" CHECK ("administrations"."volume_ml" >= 0)
);
--> statement-breakpoint
CREATE TABLE "complications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"severity" text NOT NULL,
	"onset_at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "complications_severity_check" CHECK ("complications"."severity" in ('mild', 'moderate', 'severe'))
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid,
	"scope" text NOT NULL,
	"description" text NOT NULL,
	"risks_shown" jsonb NOT NULL,
	"signer_kind" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_relationship" text,
	"signature_kind" text NOT NULL,
	"signature_data" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"witnessed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_signer_kind_check" CHECK ("consents"."signer_kind" in ('patient', 'representative')),
	CONSTRAINT "consents_signature_kind_check" CHECK ("consents"."signature_kind" in ('typed-name', 'image')),
	CONSTRAINT "consents_relationship_check" CHECK ("consents"."signer_kind" = 'patient' or "consents"."signer_relationship" is not null)
);
--> statement-breakpoint
CREATE TABLE "plan_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_code" text,
	"text" text NOT NULL,
	"volume_ml" double precision,
	CONSTRAINT "plan_lines_position_key" UNIQUE("plan_id","position"),
	CONSTRAINT "plan_lines_volume_check" CHECK ("plan_lines"."volume_ml" is null or "plan_lines"."volume_ml" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"muscle_code" text NOT NULL,
	"side" text NOT NULL,
	"findings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "plan_sites_clinic_id_id_key" UNIQUE("clinic_id","id"),
	CONSTRAINT "plan_sites_position_key" UNIQUE("plan_id","position"),
	CONSTRAINT "plan_sites_side_check" CHECK ("plan_sites"."side" in ('left', 'right', 'both'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"screen_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plans_clinic_id_id_key" UNIQUE("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "procedure_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"amendment_reason" text,
	"previous_version_id" uuid,
	CONSTRAINT "procedure_notes_clinic_id_id_key" UNIQUE("clinic_id","id"),
	CONSTRAINT "procedure_notes_version_key" UNIQUE("visit_id","version"),
	CONSTRAINT "procedure_notes_status_check" CHECK ("procedure_notes"."status" in ('draft', 'signed', 'amended')),
	CONSTRAINT "procedure_notes_version_check" CHECK ("procedure_notes"."version" >= 1 and ("procedure_notes"."status" <> 'amended' or "procedure_notes"."version" > 1)),
	CONSTRAINT "procedure_notes_signed_check" CHECK ("procedure_notes"."status" = 'draft' or ("procedure_notes"."signed_by" is not null and "procedure_notes"."signed_at" is not null)),
	CONSTRAINT "procedure_notes_amendment_check" CHECK (("procedure_notes"."version" = 1) = ("procedure_notes"."previous_version_id" is null) and ("procedure_notes"."version" = 1 or "procedure_notes"."amendment_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "screen_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"screen_id" uuid NOT NULL,
	"card_uuid" text NOT NULL,
	"finding" text NOT NULL,
	"reason_code" text NOT NULL,
	"reason_text" text,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid,
	"hook_instance" text,
	"request" jsonb NOT NULL,
	"cards" jsonb NOT NULL,
	"verdict" text NOT NULL,
	"trace" jsonb,
	"policy_version" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "screens_clinic_id_id_key" UNIQUE("clinic_id","id"),
	CONSTRAINT "screens_verdict_check" CHECK ("screens"."verdict" in ('do-not-proceed', 'caution', 'proceed'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clinic_id" uuid,
	"actor" text,
	"actor_kind" text NOT NULL,
	"action" text NOT NULL,
	"entity" text,
	"patient_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"from_address" text,
	"outcome" text NOT NULL,
	"detail" jsonb,
	"row_hash" text NOT NULL,
	"chain_seq" bigint,
	"chain_hash" text,
	"sealed_at" timestamp with time zone,
	CONSTRAINT "audit_log_chain_seq_key" UNIQUE("chain_seq"),
	CONSTRAINT "audit_log_actor_kind_check" CHECK ("audit_log"."actor_kind" in ('user', 'api-token', 'cds-client', 'system', 'anonymous')),
	CONSTRAINT "audit_log_outcome_check" CHECK ("audit_log"."outcome" in ('success', 'denied', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revoked_by_fk" FOREIGN KEY ("clinic_id","revoked_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cds_clients" ADD CONSTRAINT "cds_clients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_changed_by_fk" FOREIGN KEY ("clinic_id","changed_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_fk" FOREIGN KEY ("clinic_id","user_id") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_identifiers" ADD CONSTRAINT "patient_identifiers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_identifiers" ADD CONSTRAINT "patient_identifiers_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_allergies_reviewed_by_fk" FOREIGN KEY ("clinic_id","allergies_reviewed_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_medications_reconciled_by_fk" FOREIGN KEY ("clinic_id","medications_reconciled_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_clinician_fk" FOREIGN KEY ("clinic_id","clinician_id") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_created_by_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allergies" ADD CONSTRAINT "allergies_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allergies" ADD CONSTRAINT "allergies_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allergies" ADD CONSTRAINT "allergies_recorded_by_fk" FOREIGN KEY ("clinic_id","recorded_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conditions" ADD CONSTRAINT "conditions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conditions" ADD CONSTRAINT "conditions_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conditions" ADD CONSTRAINT "conditions_recorded_by_fk" FOREIGN KEY ("clinic_id","recorded_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earlier_administrations" ADD CONSTRAINT "earlier_administrations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earlier_administrations" ADD CONSTRAINT "earlier_administrations_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earlier_administrations" ADD CONSTRAINT "earlier_administrations_recorded_by_fk" FOREIGN KEY ("clinic_id","recorded_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicines" ADD CONSTRAINT "medicines_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicines" ADD CONSTRAINT "medicines_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicines" ADD CONSTRAINT "medicines_recorded_by_fk" FOREIGN KEY ("clinic_id","recorded_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_recorded_by_fk" FOREIGN KEY ("clinic_id","recorded_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administrations" ADD CONSTRAINT "administrations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administrations" ADD CONSTRAINT "administrations_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administrations" ADD CONSTRAINT "administrations_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administrations" ADD CONSTRAINT "administrations_plan_site_fk" FOREIGN KEY ("clinic_id","plan_site_id") REFERENCES "public"."plan_sites"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administrations" ADD CONSTRAINT "administrations_administered_by_fk" FOREIGN KEY ("clinic_id","administered_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_recorded_by_fk" FOREIGN KEY ("clinic_id","recorded_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_witnessed_by_fk" FOREIGN KEY ("clinic_id","witnessed_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_lines" ADD CONSTRAINT "plan_lines_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_lines" ADD CONSTRAINT "plan_lines_plan_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sites" ADD CONSTRAINT "plan_sites_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sites" ADD CONSTRAINT "plan_sites_plan_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_screen_fk" FOREIGN KEY ("clinic_id","screen_id") REFERENCES "public"."screens"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_notes" ADD CONSTRAINT "procedure_notes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_notes" ADD CONSTRAINT "procedure_notes_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_notes" ADD CONSTRAINT "procedure_notes_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_notes" ADD CONSTRAINT "procedure_notes_signed_by_fk" FOREIGN KEY ("clinic_id","signed_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_notes" ADD CONSTRAINT "procedure_notes_created_by_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_notes" ADD CONSTRAINT "procedure_notes_previous_fk" FOREIGN KEY ("clinic_id","previous_version_id") REFERENCES "public"."procedure_notes"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screen_overrides" ADD CONSTRAINT "screen_overrides_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screen_overrides" ADD CONSTRAINT "screen_overrides_screen_fk" FOREIGN KEY ("clinic_id","screen_id") REFERENCES "public"."screens"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screen_overrides" ADD CONSTRAINT "screen_overrides_user_fk" FOREIGN KEY ("clinic_id","user_id") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_created_by_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "cds_clients_issuer_key" ON "cds_clients" USING btree ("issuer");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_id_hash_key" ON "sessions" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("clinic_id","user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "patient_identifiers_system_value_key" ON "patient_identifiers" USING btree ("clinic_id","system","value");--> statement-breakpoint
CREATE INDEX "patient_identifiers_value_idx" ON "patient_identifiers" USING btree ("clinic_id","value");--> statement-breakpoint
CREATE INDEX "patient_identifiers_patient_idx" ON "patient_identifiers" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "patients_family_name_idx" ON "patients" USING btree ("clinic_id",lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patients_given_names_idx" ON "patients" USING btree ("clinic_id",lower("given_names") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patients_birth_date_idx" ON "patients" USING btree ("clinic_id","birth_date");--> statement-breakpoint
CREATE INDEX "visits_patient_idx" ON "visits" USING btree ("clinic_id","patient_id","started_at");--> statement-breakpoint
CREATE INDEX "allergies_patient_idx" ON "allergies" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "conditions_patient_idx" ON "conditions" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "earlier_administrations_patient_idx" ON "earlier_administrations" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "medicines_patient_idx" ON "medicines" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "observations_patient_idx" ON "observations" USING btree ("clinic_id","patient_id","loinc_code","effective_at");--> statement-breakpoint
CREATE INDEX "observations_visit_idx" ON "observations" USING btree ("clinic_id","visit_id");--> statement-breakpoint
CREATE INDEX "administrations_patient_idx" ON "administrations" USING btree ("clinic_id","patient_id","administered_at");--> statement-breakpoint
CREATE INDEX "administrations_visit_idx" ON "administrations" USING btree ("clinic_id","visit_id");--> statement-breakpoint
CREATE INDEX "complications_patient_idx" ON "complications" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "complications_visit_idx" ON "complications" USING btree ("clinic_id","visit_id");--> statement-breakpoint
CREATE INDEX "consents_patient_idx" ON "consents" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "plan_lines_plan_idx" ON "plan_lines" USING btree ("clinic_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_sites_plan_idx" ON "plan_sites" USING btree ("clinic_id","plan_id");--> statement-breakpoint
CREATE INDEX "plans_visit_idx" ON "plans" USING btree ("clinic_id","visit_id");--> statement-breakpoint
CREATE INDEX "procedure_notes_patient_idx" ON "procedure_notes" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "screen_overrides_screen_idx" ON "screen_overrides" USING btree ("clinic_id","screen_id");--> statement-breakpoint
CREATE INDEX "screens_patient_idx" ON "screens" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint
CREATE INDEX "screens_visit_idx" ON "screens" USING btree ("clinic_id","visit_id");--> statement-breakpoint
CREATE INDEX "audit_log_clinic_idx" ON "audit_log" USING btree ("clinic_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_patient_idx" ON "audit_log" USING btree ("clinic_id","patient_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("id") WHERE "audit_log"."chain_seq" is null;