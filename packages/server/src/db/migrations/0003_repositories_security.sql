-- patient_search_names (0002) under the same rules as every clinic table (0001): the application
-- role may read and write it, and row-level security confines it to the transaction's clinic.
-- Patients that exist already get their names (family whole, each given name), lower-cased.
INSERT INTO patient_search_names (clinic_id, patient_id, name)
SELECT p.clinic_id, p.id, lower(n.name)
FROM patients p,
  LATERAL unnest(array_prepend(p.family_name, regexp_split_to_array(p.given_names, '\s+'))) AS n(name)
WHERE n.name <> ''
ON CONFLICT DO NOTHING;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON patient_search_names TO knotwork_app;
--> statement-breakpoint
ALTER TABLE patient_search_names ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE patient_search_names FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY clinic_isolation ON patient_search_names
  USING (clinic_id = nullif(current_setting('knotwork.clinic_id', true), '')::uuid)
  WITH CHECK (clinic_id = nullif(current_setting('knotwork.clinic_id', true), '')::uuid);
