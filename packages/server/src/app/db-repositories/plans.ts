// PlanStore on the database: `plans` with its `plan_sites` (muscle, side, findings as jsonb) and
// `plan_lines` (injectate code, its display, volume). Creating locks the visit's row first, so two
// concurrent first saves of one visit's plan make one plan ('exists' for the other); an update is
// one `UPDATE ... WHERE id AND revision` (of two from one revision one wins, the other is 'stale')
// that then replaces the sites and lines.
import { catalogue } from '@knotwork/core';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { planLines, planSites, plans, visits } from '../../db/schema.js';
import type { PlanContent, PlanSite, PlanStore, StoredPlan, TriggerPointFindings } from '../visits/plan-ports.js';
import type { NewId } from './options.js';
import { isUuid, onlyRow } from './rows.js';

interface SiteJson {
  readonly muscle: string;
  readonly side: PlanSite['side'];
  readonly findings: unknown;
}
interface LineJson {
  readonly productCode: string | null;
  readonly text: string;
  readonly volumeMl: number | null;
}

const display = new Map<string, string>(catalogue.injectates.map((i) => [i.code, i.display]));

function findingsOf(value: unknown): TriggerPointFindings {
  const f = (value ?? {}) as Partial<Record<keyof TriggerPointFindings, unknown>>;
  return {
    tautBand: f.tautBand === true,
    localTwitch: f.localTwitch === true,
    referredPain: f.referredPain === true,
    jumpSign: f.jumpSign === true,
  };
}

export function planStore(tx: KnotworkTx, clinicId: string, newId: NewId): PlanStore {
  const writeContent = async (planId: string, content: PlanContent) => {
    if (content.sites.length > 0) {
      await tx.insert(planSites).values(
        content.sites.map((s, position) => ({
          id: newId?.(),
          clinicId,
          planId,
          position,
          muscleCode: s.muscle,
          side: s.side,
          findings: { ...s.findings },
        })),
      );
    }
    if (content.products.length > 0) {
      await tx.insert(planLines).values(
        content.products.map((p, position) => ({
          id: newId?.(),
          clinicId,
          planId,
          position,
          productCode: p.injectate,
          text: display.get(p.injectate) ?? p.injectate,
          volumeMl: p.volumeMl,
        })),
      );
    }
  };

  const read = async (row: typeof plans.$inferSelect): Promise<StoredPlan> => {
    const sites = await tx
      .select()
      .from(planSites)
      .where(eq(planSites.planId, row.id))
      .orderBy(asc(planSites.position));
    const lines = await tx
      .select()
      .from(planLines)
      .where(eq(planLines.planId, row.id))
      .orderBy(asc(planLines.position));
    return {
      id: row.id,
      visitId: row.visitId,
      patientId: row.patientId,
      revision: row.revision,
      screenId: row.screenId,
      sites: sites.map((s): PlanSite => ({ muscle: s.muscleCode, side: s.side, findings: findingsOf(s.findings) })),
      products: lines.map((l) => ({ injectate: l.productCode ?? l.text, volumeMl: l.volumeMl ?? 0 })),
    };
  };

  return {
    // One statement: the plan row with its sites and lines as JSON (signing and consent read it often).
    ofVisit: async (visitId) => {
      if (!isUuid(visitId)) return undefined;
      const [row] = await tx
        .select({
          ...getTableColumns(plans),
          sites: sql<SiteJson[]>`(select coalesce(json_agg(json_build_object('muscle', s.muscle_code, 'side', s.side,
            'findings', s.findings) order by s.position), '[]'::json) from ${planSites} s where s.plan_id = "plans"."id")`,
          lines: sql<LineJson[]>`(select coalesce(json_agg(json_build_object('productCode', l.product_code,
            'text', l.text, 'volumeMl', l.volume_ml) order by l.position), '[]'::json) from ${planLines} l
            where l.plan_id = "plans"."id")`,
        })
        .from(plans)
        .where(eq(plans.visitId, visitId))
        .orderBy(asc(plans.createdAt))
        .limit(1);
      if (!row) return undefined;
      return {
        id: row.id,
        visitId: row.visitId,
        patientId: row.patientId,
        revision: row.revision,
        screenId: row.screenId,
        sites: row.sites.map((x): PlanSite => ({ muscle: x.muscle, side: x.side, findings: findingsOf(x.findings) })),
        products: row.lines.map((l) => ({ injectate: l.productCode ?? l.text, volumeMl: l.volumeMl ?? 0 })),
      };
    },
    create: async (p) => {
      await tx.select({ id: visits.id }).from(visits).where(eq(visits.id, p.visitId)).for('update');
      const [existing] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.visitId, p.visitId)).limit(1);
      if (existing) return 'exists';
      const row = onlyRow(
        await tx
          .insert(plans)
          .values({ id: newId?.(), clinicId, patientId: p.patientId, visitId: p.visitId, createdBy: p.by })
          .returning(),
        'plans.create',
      );
      await writeContent(row.id, p);
      return read(row);
    },
    update: async (id, expectedRevision, content) => {
      if (!isUuid(id)) return 'stale';
      const [row] = await tx
        .update(plans)
        .set({ revision: sql`${plans.revision} + 1`, updatedAt: sql`now()`, screenId: null })
        .where(and(eq(plans.id, id), eq(plans.revision, expectedRevision)))
        .returning();
      if (!row) return 'stale';
      await tx.delete(planSites).where(eq(planSites.planId, id));
      await tx.delete(planLines).where(eq(planLines.planId, id));
      await writeContent(id, content);
      return read(row);
    },
    markScreened: async (id, revision, screenId) => {
      if (!isUuid(id) || !isUuid(screenId)) return false;
      const rows = await tx
        .update(plans)
        .set({ screenId })
        .where(and(eq(plans.id, id), eq(plans.revision, revision)))
        .returning({ id: plans.id });
      return rows.length === 1;
    },
  };
}
