// Screens and their overrides on the database. A visit's screen (visit-ports.ts) and a screen an
// EHR asked for over CDS Hooks (http/deps.ts) share the screens table: the first has our patient
// and visit, the second the client's issuer. Both are written once and never changed.
import type { CdsCard, ScreenTrace } from '@knotwork/core';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Database, KnotworkTx } from '../../db/index.js';
import { appendAudit } from '../../db/index.js';
import { screenOverrides, screens } from '../../db/schema.js';
import type { CdsHooksRequest } from '../../fhir/build-screening-request.js';
import type { StoreScreen } from '../../http/deps.js';
import type { ScreenOverride, ScreenStore, StoredScreen } from '../visits/visit-ports.js';
import { isUuid, onlyRow } from './rows.js';

type ScreenRow = typeof screens.$inferSelect;

function storedScreenOf(row: ScreenRow & { patientId: string; visitId: string }): StoredScreen {
  return {
    id: row.id,
    visitId: row.visitId,
    patientId: row.patientId,
    request: row.request as CdsHooksRequest,
    cards: row.cards as CdsCard[],
    verdict: row.verdict,
    trace: row.trace as ScreenTrace,
    policyVersion: row.policyVersion,
    asOf: row.asOf.getTime(),
    screenedBy: row.createdBy ?? '',
  };
}

function overrideOf(row: typeof screenOverrides.$inferSelect): ScreenOverride {
  return {
    id: row.id,
    screenId: row.screenId,
    cardUuid: row.cardUuid,
    finding: row.finding,
    reasonCode: row.reasonCode,
    comment: row.reasonText,
    userId: row.userId,
    at: row.at.getTime(),
  };
}

export function screenStore(tx: KnotworkTx, clinicId: string): ScreenStore {
  return {
    save: async (s) => {
      await tx.insert(screens).values({
        id: s.id,
        clinicId,
        patientId: s.patientId,
        visitId: s.visitId,
        hookInstance: s.request.hookInstance,
        request: s.request,
        cards: s.cards,
        verdict: s.verdict,
        trace: s.trace,
        policyVersion: s.policyVersion,
        asOf: new Date(s.asOf),
        createdBy: s.screenedBy,
      });
    },
    find: async (id) => {
      if (!isUuid(id)) return undefined;
      // A screen an EHR asked for is not a visit's screen.
      const [row] = await tx
        .select()
        .from(screens)
        .where(and(eq(screens.id, id), isNotNull(screens.visitId), isNotNull(screens.patientId)));
      if (!row || row.patientId === null || row.visitId === null) return undefined;
      return storedScreenOf({ ...row, patientId: row.patientId, visitId: row.visitId });
    },
    saveOverride: async (o) => {
      await tx.insert(screenOverrides).values({
        id: o.id,
        clinicId,
        screenId: o.screenId,
        cardUuid: o.cardUuid,
        finding: o.finding,
        reasonCode: o.reasonCode,
        reasonText: o.comment,
        userId: o.userId,
        at: new Date(o.at),
      });
    },
    overridesOf: async (screenId) => {
      if (!isUuid(screenId)) return [];
      const rows = await tx
        .select()
        .from(screenOverrides)
        .where(eq(screenOverrides.screenId, screenId))
        .orderBy(asc(screenOverrides.at), asc(screenOverrides.id));
      return rows.map(overrideOf);
    },
  };
}

/**
 * The HTTP edge's `storeScreen`: a screen an EHR asked for and its audit event, in one transaction
 * of the client's clinic (the event's clinic is that clinic, whatever it says). The audit event
 * names the stored screen when it names nothing else.
 */
export function storeCdsScreen(database: Database): StoreScreen {
  return (screen, event) =>
    database.withClinic(screen.clinicId, async (tx) => {
      const { id } = onlyRow(
        await tx
          .insert(screens)
          .values({
            clinicId: screen.clinicId,
            client: screen.client,
            hookInstance: screen.hookInstance ?? null,
            request: screen.request,
            cards: screen.cards,
            verdict: screen.verdict,
            trace: screen.trace,
            policyVersion: screen.policyVersion,
            asOf: new Date(screen.asOf),
          })
          .returning({ id: screens.id }),
        'storeCdsScreen',
      );
      await appendAudit(tx, { ...event, clinicId: screen.clinicId, entity: event.entity ?? `Screen/${id}` });
    });
}
