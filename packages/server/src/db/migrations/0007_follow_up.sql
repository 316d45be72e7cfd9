CREATE TABLE "clinic_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"urgency" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"answer_id" uuid,
	"summary" text NOT NULL,
	"detail" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "clinic_tasks_kind_check" CHECK ("clinic_tasks"."kind" in ('red-flag')),
	CONSTRAINT "clinic_tasks_urgency_check" CHECK ("clinic_tasks"."urgency" in ('emergency', 'urgent', 'soon')),
	CONSTRAINT "clinic_tasks_status_check" CHECK ("clinic_tasks"."status" in ('open', 'acknowledged', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "follow_up_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"follow_up_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"pain_nrs" integer NOT NULL,
	"relief_pct" integer NOT NULL,
	"peg_pain" integer,
	"peg_enjoyment" integer,
	"peg_activity" integer,
	"pgic" integer NOT NULL,
	"side_effects" jsonb NOT NULL,
	"red_flags" jsonb NOT NULL,
	"comment" text,
	CONSTRAINT "follow_up_answers_clinic_id_id_key" UNIQUE("clinic_id","id"),
	CONSTRAINT "follow_up_answers_scores_check" CHECK ("follow_up_answers"."pain_nrs" between 0 and 10 and "follow_up_answers"."relief_pct" between 0 and 100 and "follow_up_answers"."pgic" between 1 and 7 and coalesce("follow_up_answers"."peg_pain", 0) between 0 and 10 and coalesce("follow_up_answers"."peg_enjoyment", 0) between 0 and 10 and coalesce("follow_up_answers"."peg_activity", 0) between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"point_id" text NOT NULL,
	"label" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"asks_peg" boolean NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_clinic_id_id_key" UNIQUE("clinic_id","id"),
	CONSTRAINT "follow_ups_visit_point_key" UNIQUE("visit_id","point_id"),
	CONSTRAINT "follow_ups_status_check" CHECK ("follow_ups"."status" in ('pending', 'answered')),
	CONSTRAINT "follow_ups_dates_check" CHECK ("follow_ups"."due_at" > "follow_ups"."signed_at" and "follow_ups"."expires_at" > "follow_ups"."due_at")
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"about" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_messages_channel_check" CHECK ("outbox_messages"."channel" in ('email', 'sms')),
	CONSTRAINT "outbox_messages_status_check" CHECK ("outbox_messages"."status" in ('queued', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_actor_kind_check";--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD COLUMN "eligibility_pack" jsonb;--> statement-breakpoint
ALTER TABLE "clinic_tasks" ADD CONSTRAINT "clinic_tasks_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_tasks" ADD CONSTRAINT "clinic_tasks_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_tasks" ADD CONSTRAINT "clinic_tasks_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_tasks" ADD CONSTRAINT "clinic_tasks_answer_fk" FOREIGN KEY ("clinic_id","answer_id") REFERENCES "public"."follow_up_answers"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_tasks" ADD CONSTRAINT "clinic_tasks_acknowledged_by_fk" FOREIGN KEY ("clinic_id","acknowledged_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_tasks" ADD CONSTRAINT "clinic_tasks_resolved_by_fk" FOREIGN KEY ("clinic_id","resolved_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_answers" ADD CONSTRAINT "follow_up_answers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_answers" ADD CONSTRAINT "follow_up_answers_follow_up_fk" FOREIGN KEY ("clinic_id","follow_up_id") REFERENCES "public"."follow_ups"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_answers" ADD CONSTRAINT "follow_up_answers_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_answers" ADD CONSTRAINT "follow_up_answers_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_visit_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_note_fk" FOREIGN KEY ("clinic_id","note_id") REFERENCES "public"."procedure_notes"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinic_tasks_status_idx" ON "clinic_tasks" USING btree ("clinic_id","status","created_at");--> statement-breakpoint
CREATE INDEX "follow_up_answers_follow_up_idx" ON "follow_up_answers" USING btree ("clinic_id","follow_up_id");--> statement-breakpoint
CREATE INDEX "follow_up_answers_patient_idx" ON "follow_up_answers" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "follow_up_answers_visit_idx" ON "follow_up_answers" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_token_hash_key" ON "follow_ups" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "follow_ups_patient_idx" ON "follow_ups" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_kind_check" CHECK ("audit_log"."actor_kind" in ('user', 'api-token', 'cds-client', 'system', 'anonymous', 'patient'));
--> statement-breakpoint
-- Under the same rules as every clinic table (0001, 0003, 0006): the application role reads and
-- writes them, row-level security (forced, so the owner obeys too) confines them to the
-- transaction's clinic. Answers are written once; a link's status changes (answered), a task's
-- status changes (acknowledged, resolved). The outbox worker runs on the system connection
-- (superuser or BYPASSRLS, checked at start) because it serves every clinic.
--
-- The public form's token lookup happens before any clinic is known: the server hashes the token
-- and asks, on the system connection, for the one row with that hash (its clinic id and follow-up
-- id only, as sessions and API tokens are found); everything after that runs in withClinic as
-- knotwork_app. The application role itself never reads follow_ups across clinics.
GRANT SELECT, INSERT, UPDATE ON follow_ups, clinic_tasks TO knotwork_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON follow_up_answers, outbox_messages TO knotwork_app;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['follow_ups', 'follow_up_answers', 'clinic_tasks', 'outbox_messages'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY clinic_isolation ON %I '
      'USING (clinic_id = nullif(current_setting(''knotwork.clinic_id'', true), '''')::uuid) '
      'WITH CHECK (clinic_id = nullif(current_setting(''knotwork.clinic_id'', true), '''')::uuid)',
      t
    );
  END LOOP;
END
$$;
