// Indexes over the catalogue, built once, so that a screen only looks things up. Everything the
// hot path needs (code maps, the name trie, ICD-10 prefix buckets) is prepared here.
import {
  catalogue as defaultCatalogue,
  type AnticoagulantId,
  type BodyRegion,
  type CatalogueData,
  type FindingCode,
  type Icd10SetName,
  type IngredientId,
  type Injectate,
  type InjectateCode,
  type Muscle,
  type MuscleCode,
  type Side,
  type SubstanceClassCode,
} from './catalogue.js';
import { createNameMatcher, type NameEntry, type NameMatcher } from './name-matcher.js';

export type Substance =
  | { readonly kind: 'ingredient'; readonly id: IngredientId }
  | { readonly kind: 'class'; readonly id: SubstanceClassCode }
  | { readonly kind: 'anticoagulant'; readonly id: AnticoagulantId }
  | { readonly kind: 'product'; readonly id: InjectateCode };

export type ObservationKind = keyof CatalogueData['observations'];

export interface CompiledMuscle {
  readonly muscle: Muscle;
  /** Position in the catalogue: summaries list sites in this order. */
  readonly order: number;
}

export interface CompiledCatalogue {
  readonly data: CatalogueData;
  readonly muscles: ReadonlyMap<string, CompiledMuscle>;
  readonly regions: ReadonlySet<string>;
  readonly injectates: ReadonlyMap<string, Injectate>;
  readonly lateralityByCode: ReadonlyMap<string, Side>;
  /** `${system}|${code}` of a known substance coding (injectate, substance class, RxNorm). */
  readonly substanceByCoding: ReadonlyMap<string, readonly Substance[]>;
  readonly names: NameMatcher<Substance>;
  /** Ingredients a class stands for (a line named only by a class means every one of them). */
  readonly classMembers: ReadonlyMap<SubstanceClassCode, readonly IngredientId[]>;
  readonly observationKindByLoinc: ReadonlyMap<string, ObservationKind>;
  readonly findingOrder: ReadonlyMap<FindingCode, number>;
  /** The ICD-10 set names an ICD-10(-CM) code falls in (dots ignored, prefix match). */
  icd10SetsOf(code: string): readonly Icd10SetName[];
  substance(kind: Substance['kind'], id: string): Substance;
}

function key(system: string, code: string): string {
  return `${system}|${code}`;
}

export function normaliseIcd10(code: string): string {
  return code.replaceAll('.', '').trim().toUpperCase();
}

export function compileCatalogue(data: CatalogueData = defaultCatalogue): CompiledCatalogue {
  const interned = new Map<string, Substance>();
  const substance = (kind: Substance['kind'], id: string): Substance => {
    const k = `${kind}:${id}`;
    let s = interned.get(k);
    if (!s) {
      s = { kind, id } as Substance;
      interned.set(k, s);
    }
    return s;
  };

  const muscles = new Map<string, CompiledMuscle>();
  data.muscles.forEach((muscle, order) => muscles.set(muscle.code, { muscle, order }));

  const injectates = new Map<string, Injectate>(data.injectates.map((i) => [i.code, i]));
  const lateralityByCode = new Map<string, Side>(data.laterality.map((l) => [l.code, l.side]));

  const byCoding = new Map<string, Substance[]>();
  const addCoding = (system: string, code: string, s: Substance): void => {
    const list = byCoding.get(key(system, code)) ?? [];
    if (!list.includes(s)) list.push(s);
    byCoding.set(key(system, code), list);
  };
  const names: NameEntry<Substance>[] = [];

  for (const inj of data.injectates) addCoding(data.systems.injectate, inj.code, substance('product', inj.code));
  for (const cls of data.substanceClasses) {
    const s = substance('class', cls.code);
    addCoding(data.systems.substanceClass, cls.code, s);
    for (const name of cls.names) names.push({ name, target: s });
  }
  const classMembers = new Map<SubstanceClassCode, IngredientId[]>();
  for (const [id, ing] of Object.entries(data.ingredients) as [
    IngredientId,
    CatalogueData['ingredients'][IngredientId],
  ][]) {
    const s = substance('ingredient', id);
    for (const code of ing.rxnorm) addCoding(data.systems.rxnorm, code, s);
    for (const name of ing.names) names.push({ name, target: s });
    if (ing.class) {
      const members = classMembers.get(ing.class) ?? [];
      members.push(id);
      classMembers.set(ing.class, members);
      if (ing.class === 'amide-local-anesthetic' || ing.class === 'ester-local-anesthetic') {
        const all = classMembers.get('local-anesthetic') ?? [];
        all.push(id);
        classMembers.set('local-anesthetic', all);
      }
    }
  }
  for (const [id, ac] of Object.entries(data.anticoagulants) as [
    AnticoagulantId,
    CatalogueData['anticoagulants'][AnticoagulantId],
  ][]) {
    const s = substance('anticoagulant', id);
    for (const code of ac.rxnorm) addCoding(data.systems.rxnorm, code, s);
    for (const name of ac.names) names.push({ name, target: s });
  }

  const observationKindByLoinc = new Map<string, ObservationKind>();
  for (const [kind, obs] of Object.entries(data.observations) as [ObservationKind, { loinc: readonly string[] }][]) {
    for (const code of obs.loinc) observationKindByLoinc.set(code, kind);
  }

  // ICD-10 prefixes bucketed by their first two characters (the shortest prefix, "O1", has two).
  const buckets = new Map<string, { prefix: string; set: Icd10SetName }[]>();
  for (const [set, prefixes] of Object.entries(data.icd10Sets) as [Icd10SetName, readonly string[]][]) {
    for (const raw of prefixes) {
      const prefix = normaliseIcd10(raw);
      if (prefix.length < 2) throw new Error(`ICD-10 prefix "${raw}" in ${set} is shorter than two characters`);
      const bucket = buckets.get(prefix.slice(0, 2)) ?? [];
      bucket.push({ prefix, set });
      buckets.set(prefix.slice(0, 2), bucket);
    }
  }
  const icd10SetsOf = (code: string): Icd10SetName[] => {
    const norm = normaliseIcd10(code);
    const sets: Icd10SetName[] = [];
    for (const { prefix, set } of buckets.get(norm.slice(0, 2)) ?? []) {
      if (norm.startsWith(prefix) && !sets.includes(set)) sets.push(set);
    }
    return sets;
  };

  return {
    data,
    muscles,
    regions: new Set<string>(data.bodyRegions),
    injectates,
    lateralityByCode,
    substanceByCoding: byCoding,
    names: createNameMatcher(names),
    classMembers,
    observationKindByLoinc,
    findingOrder: new Map(data.findings.map((f, i) => [f.code, i])),
    icd10SetsOf,
    substance,
  };
}

export function muscleRegions(m: Muscle): readonly BodyRegion[] {
  return m.regions;
}

export function isMuscleCode(c: CompiledCatalogue, code: string): code is MuscleCode {
  return c.muscles.has(code);
}
