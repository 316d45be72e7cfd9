// What a FHIR import remembers of each EHR resource it wrote: the chart entry it became, under its
// match key (match-keys.ts), with the EHR's CodeableConcept as sent (db/schema/fhir-imports.ts).
// A repeat import finds the entry through its link and changes nothing when nothing changed.
export type ImportedKind = 'condition' | 'allergy' | 'medicine' | 'observation';

export interface ImportLink {
  readonly kind: ImportedKind;
  readonly matchKey: string;
  readonly entryId: string;
  /** The resource's code as the EHR sent it: FHIR CodeableConcept JSON. */
  readonly sourceCode: unknown;
}

export interface ImportLinkStore {
  /** Every link of the patient's imported entries; empty when none (or no such patient here). */
  ofPatient(patientId: string): Promise<readonly ImportLink[]>;
  /** Creates the link, or points it at `entryId` with this code (at: epoch ms of the import). */
  save(patientId: string, link: ImportLink, at: number): Promise<void>;
}

/** The in-memory twin: links by clinic, patient and key, in a map the caller owns (and rolls back). */
export function memoryImportLinkStore(
  links: Map<string, ImportLink & { readonly patientId: string }>,
): ImportLinkStore {
  return {
    ofPatient: (patientId) =>
      Promise.resolve(
        [...links.values()]
          .filter((l) => l.patientId === patientId)
          .map((l) => ({ kind: l.kind, matchKey: l.matchKey, entryId: l.entryId, sourceCode: l.sourceCode })),
      ),
    save: (patientId, link) => {
      links.set(`${patientId}\u0000${link.kind}\u0000${link.matchKey}`, { ...link, patientId });
      return Promise.resolve();
    },
  };
}
