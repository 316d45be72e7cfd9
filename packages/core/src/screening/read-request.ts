// The parts of a CDS Hooks request that make it usable, and the plan it orders (SCREENING.md
// sections 2 and 4, "Not a usable request" and "Every MedicationRequest ... is a line").
import type { IngredientId, Injectate, Side, SubstanceClassCode } from '../catalogue/catalogue.js';
import type { CompiledCatalogue, CompiledMuscle, Substance } from '../catalogue/compile-catalogue.js';
import { arr, bundleEntries, codings, num, obj, resourceType, str, type Json } from '../fhir/read-fhir.js';
import { indexMedications, readMedication, type MedicationIndex } from './read-substances.js';

export const PREFETCH_KEYS = [
  'patient',
  'conditions',
  'allergies',
  'medications',
  'observations',
  'medicationAdministrations',
] as const;
export type PrefetchKey = (typeof PREFETCH_KEYS)[number];

export interface RequestProblem {
  readonly code: 'unreadable-json' | 'not-an-object' | 'unsupported-hook' | 'no-draft-orders' | 'no-tpi-order';
  /** JSON path in `$.context.draftOrders` style. */
  readonly path: string;
  readonly message: string;
}

export interface PlannedSite {
  readonly path: string;
  /** The muscle code as written, when one was given. */
  readonly code: string | undefined;
  readonly muscle: CompiledMuscle | undefined;
  readonly side: Side;
}

export interface PlannedLine {
  readonly path: string;
  readonly label: string;
  readonly product: Injectate | undefined;
  /** Every ingredient the line stands for (a line named only by a class stands for all members). */
  readonly ingredients: readonly IngredientId[];
  /** Classes the line is named by, without a product or ingredient. */
  readonly classesOnly: readonly SubstanceClassCode[];
  readonly volumeMl: number | undefined;
  /** Why the line cannot be dosed or fully read, if it cannot. */
  readonly unreadable: string | undefined;
}

export interface ReadRequest {
  readonly hookInstance: string | undefined;
  readonly sites: readonly PlannedSite[];
  readonly lines: readonly PlannedLine[];
  /** Present means the key holds a Bundle or null (known); absent keys are unknown. */
  readonly prefetch: ReadonlyMap<PrefetchKey, unknown>;
  readonly medications: MedicationIndex;
}

const TPI_CPT = new Set(['20552', '20553']);

function isTpiOrder(c: CompiledCatalogue, resource: Json): boolean {
  if (resourceType(resource) !== 'ServiceRequest') return false;
  return codings(resource['code']).some(
    (k) =>
      (k.system === c.data.systems.cpt && k.code !== undefined && TPI_CPT.has(k.code)) ||
      (k.system === c.data.systems.procedure && k.code === 'trigger-point-injection'),
  );
}

/** The side a laterality extension on a CodeableConcept names; none or unknown means both. */
export function lateralityOf(c: CompiledCatalogue, concept: Json): Side {
  for (const ext of arr(concept['extension'])) {
    const e = obj(ext);
    if (!e || e['url'] !== c.data.systems.lateralityExtension) continue;
    for (const k of codings(e['valueCodeableConcept'])) {
      const side = k.code !== undefined ? c.lateralityByCode.get(k.code) : undefined;
      if (side && (k.system === undefined || k.system === c.data.systems.snomed)) return side;
    }
  }
  return 'both';
}

function readSites(c: CompiledCatalogue, order: Json, path: string): PlannedSite[] {
  return arr(order['bodySite']).map((raw, i) => {
    const concept = obj(raw) ?? {};
    const code = codings(concept).find((k) => k.system === c.data.systems.muscle)?.code;
    return {
      path: `${path}.bodySite[${i}]`,
      code,
      muscle: code !== undefined ? c.muscles.get(code) : undefined,
      side: lateralityOf(c, concept),
    };
  });
}

/** Volume in mL from a Quantity whose UCUM code (else unit) is mL; undefined when not readable. */
export function volumeMl(quantity: unknown): number | undefined {
  const q = obj(quantity);
  if (!q) return undefined;
  const unit = str(q['code']) ?? str(q['unit']);
  const value = num(q['value']);
  if ((unit === 'mL' || unit === 'ml') && value !== undefined && value >= 0) return value;
  return undefined;
}

function readLine(c: CompiledCatalogue, order: Json, path: string, index: MedicationIndex): PlannedLine {
  const { substances, label } = readMedication(c, order, index);
  const products = substances.filter((s): s is Extract<Substance, { kind: 'product' }> => s.kind === 'product');
  const product = products[0] ? c.injectates.get(products[0].id) : undefined;
  const ingredients: IngredientId[] = [];
  const classesOnly: SubstanceClassCode[] = [];
  const add = (id: IngredientId): void => {
    if (!ingredients.includes(id)) ingredients.push(id);
  };
  for (const p of products) {
    const inj = c.injectates.get(p.id);
    if (inj) add(inj.ingredient);
  }
  for (const s of substances) if (s.kind === 'ingredient') add(s.id);
  if (ingredients.length === 0) {
    // SCREENING.md section 4: a line named only by a class stands for every agent of that class.
    // Excipient classes named in an order's text are ignored: excipients come only from products.
    for (const s of substances) {
      const members = s.kind === 'class' ? c.classMembers.get(s.id) : undefined;
      if (s.kind === 'class' && members && members.length > 0) {
        classesOnly.push(s.id);
        members.forEach(add);
      }
    }
  }
  const dosage = obj(arr(order['dosageInstruction'])[0]);
  const quantity = obj(arr(dosage?.['doseAndRate'])[0])?.['doseQuantity'];
  const volume = volumeMl(quantity);
  let unreadable: string | undefined;
  if (!product && ingredients.length === 0) unreadable = 'no recognised product, ingredient or class';
  else if (!product) unreadable = 'named without a catalogue product, so its strength is unknown';
  else if (volume === undefined) unreadable = quantity === undefined ? 'no planned volume' : 'the volume is not in mL';
  if (products.length > 1) unreadable = `names ${products.length} different products`;
  return {
    path,
    label: product?.display ?? label,
    product: products.length > 1 ? undefined : product,
    ingredients,
    classesOnly,
    volumeMl: volume,
    unreadable,
  };
}

export type ReadResult = { ok: true; request: ReadRequest } | { ok: false; problem: RequestProblem };

export function readRequest(c: CompiledCatalogue, input: unknown): ReadResult {
  const root = obj(input);
  if (!root)
    return { ok: false, problem: { code: 'not-an-object', path: '$', message: 'the request is not a JSON object' } };
  const hook = root['hook'];
  if (hook !== 'order-sign' && hook !== 'order-select') {
    return {
      ok: false,
      problem: {
        code: 'unsupported-hook',
        path: '$.hook',
        message: `hook must be "order-sign" or "order-select", not ${hook === undefined ? 'missing' : JSON.stringify(hook)}`,
      },
    };
  }
  const context = obj(root['context']);
  const draftOrders = obj(context?.['draftOrders']);
  if (!draftOrders || draftOrders['resourceType'] !== 'Bundle') {
    return {
      ok: false,
      problem: {
        code: 'no-draft-orders',
        path: context ? '$.context.draftOrders' : '$.context',
        message: context ? 'context.draftOrders must be a FHIR Bundle' : 'the request has no context object',
      },
    };
  }
  const entries = bundleEntries(draftOrders, '$.context.draftOrders');
  const tpiOrders = entries.filter((e) => isTpiOrder(c, e.resource));
  if (tpiOrders.length === 0) {
    return {
      ok: false,
      problem: {
        code: 'no-tpi-order',
        path: '$.context.draftOrders.entry',
        message: 'no ServiceRequest coded CPT 20552/20553 or Knotwork procedure#trigger-point-injection',
      },
    };
  }

  const prefetchRoot = obj(root['prefetch']);
  const prefetch = new Map<PrefetchKey, unknown>();
  for (const key of PREFETCH_KEYS) {
    if (!prefetchRoot || !Object.hasOwn(prefetchRoot, key)) continue;
    const value = prefetchRoot[key];
    // SCREENING.md section 4: null is a known "none"; an OperationOutcome (or any other non-Bundle)
    // is a fetch that failed, so the key stays unknown. `patient` is a resource, not a Bundle.
    const type = obj(value)?.['resourceType'];
    if (value === null || (key === 'patient' ? type === 'Patient' : type === 'Bundle')) prefetch.set(key, value);
  }
  const medications = indexMedications([
    { bundle: draftOrders, path: '$.context.draftOrders' },
    ...PREFETCH_KEYS.filter((k) => k !== 'patient' && prefetch.get(k)).map((k) => ({
      bundle: prefetch.get(k),
      path: `$.prefetch.${k}`,
    })),
  ]);

  return {
    ok: true,
    request: {
      hookInstance: str(root['hookInstance']),
      sites: tpiOrders.flatMap((e) => readSites(c, e.resource, e.path)),
      lines: entries
        .filter((e) => resourceType(e.resource) === 'MedicationRequest')
        .map((e) => readLine(c, e.resource, e.path, medications)),
      prefetch,
      medications,
    },
  };
}
