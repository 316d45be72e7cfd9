-- What drizzle cannot express (issue 3, items 4 and 5), for PostgreSQL 15+ and PGlite alike:
-- the application role, its grants, row-level security per clinic, the signed-note trigger and
-- the audit log's insert-only guard. Every statement is separated by a breakpoint because PGlite
-- runs one statement per query.

-- (b) The role the server's queries run as (SET LOCAL ROLE in each transaction, see
-- ../open-database.ts). Roles are cluster-wide: another database of the same cluster may have
-- created it already, or be creating it at this very moment (parallel test databases).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'knotwork_app') THEN
    CREATE ROLE knotwork_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (
    SELECT FROM pg_catalog.pg_roles WHERE rolname = 'knotwork_app' AND (rolsuper OR rolbypassrls OR rolcanlogin)
  ) THEN
    RAISE EXCEPTION 'role knotwork_app exists with SUPERUSER, BYPASSRLS or LOGIN; row-level security would not hold'
      USING HINT = 'ALTER ROLE knotwork_app NOSUPERUSER NOBYPASSRLS NOLOGIN';
  END IF;
  -- The migrating role must be able to SET ROLE knotwork_app (superusers always can).
  IF NOT pg_has_role(current_user, 'knotwork_app', 'MEMBER') THEN
    EXECUTE format('GRANT knotwork_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO knotwork_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON
  users, sessions, api_tokens, cds_clients,
  patients, patient_identifiers, visits,
  conditions, allergies, medicines, observations, earlier_administrations,
  plans, plan_sites, plan_lines, procedure_notes, administrations, complications
TO knotwork_app;
--> statement-breakpoint
-- Records of what happened are written once: a screen as shown, an override, a signed consent, a
-- settings version (each change is a new row).
GRANT SELECT, INSERT ON screens, screen_overrides, consents, clinic_settings TO knotwork_app;
--> statement-breakpoint
-- Creating a clinic is a system act (demo seeding, `knotwork clinic add`); a clinic admin may rename it.
GRANT SELECT, UPDATE ON clinics TO knotwork_app;
--> statement-breakpoint
-- (d) The audit log is insert-only for the application, and only the event's own columns: the
-- id is generated, the chain columns belong to the sealer, which runs as the owner.
GRANT SELECT ON audit_log TO knotwork_app;
--> statement-breakpoint
GRANT INSERT (clinic_id, actor, actor_kind, action, entity, patient_id, at, from_address, outcome, detail, row_hash)
  ON audit_log TO knotwork_app;
--> statement-breakpoint
-- (a) Row-level security: a row is visible and writable only inside a transaction whose
-- knotwork.clinic_id is its clinic. FORCE makes the table owner obey too (only superusers and
-- BYPASSRLS roles do not: the system connection). nullif: after a transaction-local set_config
-- ends the setting reads '' rather than null, and ''::uuid would be an error instead of "no rows".
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'users', 'sessions', 'api_tokens', 'cds_clients', 'clinic_settings',
    'patients', 'patient_identifiers', 'visits',
    'conditions', 'allergies', 'medicines', 'observations', 'earlier_administrations',
    'screens', 'screen_overrides', 'plans', 'plan_sites', 'plan_lines', 'procedure_notes',
    'administrations', 'complications', 'consents', 'audit_log'
  ] LOOP
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
--> statement-breakpoint
ALTER TABLE clinics ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinics FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY clinic_isolation ON clinics
  USING (id = nullif(current_setting('knotwork.clinic_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('knotwork.clinic_id', true), '')::uuid);
--> statement-breakpoint
-- (c) A signed note is never changed in place, by anyone (the trigger fires for the owner and
-- superusers too): an amendment is a new row with the next version. SQLSTATE KW001 lets the
-- server map the refusal to a stable error code.
CREATE FUNCTION knotwork_refuse_final_note_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('signed', 'amended') THEN
    RAISE EXCEPTION 'procedure note % version % is %: it is never changed in place; record an amendment as a new version',
      OLD.id, OLD.version, OLD.status
      USING ERRCODE = 'KW001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER procedure_notes_final
  BEFORE UPDATE OR DELETE ON procedure_notes
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_final_note_change();
--> statement-breakpoint
-- (d) Defence in depth for the audit log: even the owner cannot delete a row or change one,
-- except the sealer filling the chain columns once. (A superuser can still get round it with
-- session_replication_role = replica; `verifyAuditChain` is what finds that.)
CREATE FUNCTION knotwork_guard_audit_log() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log row % cannot be deleted', OLD.id USING ERRCODE = 'KW002';
  END IF;
  IF OLD.chain_seq IS NOT NULL
     OR (to_jsonb(NEW) - ARRAY['chain_seq', 'chain_hash', 'sealed_at'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['chain_seq', 'chain_hash', 'sealed_at']) THEN
    RAISE EXCEPTION 'audit_log row % cannot be changed (only sealed once)', OLD.id USING ERRCODE = 'KW002';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_guard
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION knotwork_guard_audit_log();
