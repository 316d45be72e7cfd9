// The rates a synthetic clinic is drawn at, each with the source id it rests on
// (/work/shared/clinical/reference.json, REFERENCE.md). Where the reference gives no rate, the
// figure is a demo assumption and says so: it shapes demo data, never a clinical decision.
export interface Rate {
  readonly p: number;
  readonly source: string;
}

/** Complications per TPI visit (reference.json `complications`). */
export const COMPLICATION_RATES = {
  // HONG1994: post-injection soreness in 42% after 0.5% lidocaine (upper trapezius RCT).
  post_injection_soreness: { p: 0.42, source: 'HONG1994' },
  // VVR: vasovagal reactions 2.3-2.6% in large series of image-guided MSK injections; the low end.
  vasovagal: { p: 0.023, source: 'VVR' },
  // MEDSCAPE: IM-injection series (12,134 patients): abscess + haematoma 0.12%, bleeding 0.07%.
  bruising_haematoma: { p: 0.0019, source: 'MEDSCAPE' },
  // PTCARE/FPN give no rate ("rare"): demo assumption, a tenth of the haematoma rate.
  infection: { p: 0.0002, source: 'demo assumption (PTCARE: rare, no TPI rate)' },
  // Case reports only, no rate established: demo assumption.
  pneumothorax: { p: 0.0001, source: 'demo assumption (case reports only)' },
} as const satisfies Readonly<Record<string, Rate>>;

/** The share of patients on each kind of chart entry. */
export const CHART_RATES = {
  // Demo assumption: about 8% of adult pain-clinic patients on an oral anticoagulant (REFERENCE.md
  // 2.2 discusses anticoagulated patients [SIR2019][ENDRES2017] but gives no prevalence).
  anticoagulant: { p: 0.08, source: 'demo assumption' },
  // Demo assumption: a reported penicillin allergy in about 10% of patients.
  penicillinAllergy: { p: 0.1, source: 'demo assumption' },
  // Demo assumption: true local-anaesthetic allergy is rare (REFERENCE.md "allergy": amide allergy rare).
  lidocaineAllergy: { p: 0.01, source: 'demo assumption' },
  diabetes: { p: 0.1, source: 'demo assumption' },
  hypertension: { p: 0.3, source: 'demo assumption' },
} as const satisfies Readonly<Record<string, Rate>>;
