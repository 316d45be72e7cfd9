-- Injections given elsewhere get a status, so that one entered in error is kept (never deleted)
-- and the screen no longer counts it. Existing rows were all given: 'completed'. No new table, so
-- the grants and row-level security of 0001 still cover it.
ALTER TABLE "earlier_administrations" ADD COLUMN "status" text DEFAULT 'completed' NOT NULL;--> statement-breakpoint
ALTER TABLE "earlier_administrations" ADD CONSTRAINT "earlier_administrations_status_check" CHECK ("earlier_administrations"."status" in ('completed', 'entered-in-error'));