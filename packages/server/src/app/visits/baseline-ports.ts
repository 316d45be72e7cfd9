// A visit's indication and baseline: the diagnosis treated and the pain before the procedure on
// the scales follow-up will use again (pain NRS 0-10; the PEG items pain, enjoyment of life and
// general activity, 0-10 each). One per visit, revised under its revision.

export interface Peg {
  readonly pain: number;
  readonly enjoyment: number;
  readonly activity: number;
}

export interface BaselineContent {
  readonly indication: { readonly icd10: string; readonly display: string };
  readonly painNrs: number;
  /** Null when the PEG was not asked. */
  readonly peg: Peg | null;
}

export interface StoredBaseline extends BaselineContent {
  readonly visitId: string;
  readonly patientId: string;
  readonly recordedAt: number;
  readonly recordedBy: string | null;
  readonly revision: number;
}

export interface BaselineStore {
  ofVisit(visitId: string): Promise<StoredBaseline | undefined>;
  /**
   * Writes the visit's baseline: creates it when `expectedRevision` is 0 and there is none,
   * replaces it when it is at `expectedRevision`; 'stale' otherwise (nothing written).
   */
  save(
    baseline: BaselineContent & {
      readonly visitId: string;
      readonly patientId: string;
      readonly by: string;
      readonly at: number;
    },
    expectedRevision: number,
  ): Promise<StoredBaseline | 'stale'>;
}
