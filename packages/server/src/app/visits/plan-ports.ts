// A visit's plan: the sites (muscle, side, trigger-point findings) and the products with their
// volumes. One plan per visit; every change is a new revision (the ETag of If-Match).

export interface TriggerPointFindings {
  readonly tautBand: boolean;
  readonly localTwitch: boolean;
  readonly referredPain: boolean;
  readonly jumpSign: boolean;
}

export interface PlanSite {
  readonly muscle: string;
  readonly side: 'left' | 'right' | 'both';
  readonly findings: TriggerPointFindings;
}

export interface PlanProduct {
  readonly injectate: string;
  readonly volumeMl: number;
}

export interface PlanContent {
  readonly sites: readonly PlanSite[];
  readonly products: readonly PlanProduct[];
}

export interface StoredPlan extends PlanContent {
  readonly id: string;
  readonly visitId: string;
  readonly patientId: string;
  readonly revision: number;
  /** The screen of this revision of the plan; null until it is screened (a change clears it). */
  readonly screenId: string | null;
}

export interface PlanStore {
  /** The visit's plan; undefined when none is saved yet. */
  ofVisit(visitId: string): Promise<StoredPlan | undefined>;
  /** Creates the visit's plan (revision 1); 'exists' when the visit has one already. */
  create(
    plan: PlanContent & { readonly visitId: string; readonly patientId: string; readonly by: string },
  ): Promise<StoredPlan | 'exists'>;
  /** Replaces the plan's content only if its revision is `expectedRevision`; 'stale' otherwise. */
  update(id: string, expectedRevision: number, content: PlanContent): Promise<StoredPlan | 'stale'>;
  /** Records the screen of the plan's revision `revision`; false when the plan has moved on. */
  markScreened(id: string, revision: number, screenId: string): Promise<boolean>;
}
