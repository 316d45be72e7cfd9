// The contract's vocabulary as typed data. The values live in catalogue-data.ts (a checked copy of
// ../shared/contract/catalogue.json); this file derives the closed sets the code switches on.
import { catalogueData } from './catalogue-data.js';

export type CatalogueData = typeof catalogueData;
export const catalogue: CatalogueData = catalogueData;

export type Muscle = CatalogueData['muscles'][number];
export type MuscleCode = Muscle['code'];
export type BodyRegion = CatalogueData['bodyRegions'][number];
export type Injectate = CatalogueData['injectates'][number];
export type InjectateCode = Injectate['code'];
export type IngredientId = keyof CatalogueData['ingredients'];
export type SubstanceClassCode = CatalogueData['substanceClasses'][number]['code'];
export type AnticoagulantId = keyof CatalogueData['anticoagulants'];
export type AnticoagulantKind = CatalogueData['anticoagulants'][AnticoagulantId]['kind'];
export type Icd10SetName = keyof CatalogueData['icd10Sets'];
export type FindingCode = CatalogueData['findings'][number]['code'];
export type PleuralRisk = Muscle['pleuralRisk'];
export type LocalAnestheticAgent = keyof CatalogueData['localAnestheticMaxDose']['agents'];
export type OverrideReasonCode = CatalogueData['overrideReasons']['codes'][number]['code'];

export const INDICATORS = ['info', 'warning', 'critical'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** Higher is more severe; a response keeps one card per finding, the most severe. */
export function indicatorRank(indicator: Indicator): number {
  return INDICATORS.indexOf(indicator);
}

export const PLEURAL_RISKS = ['none', 'low', 'moderate', 'high', 'very-high'] as const satisfies readonly PleuralRisk[];

export function pleuralRiskRank(risk: PleuralRisk): number {
  return PLEURAL_RISKS.indexOf(risk);
}

export type Side = 'left' | 'right' | 'both';

export const LOCAL_ANESTHETIC_CLASSES = ['amide-local-anesthetic', 'ester-local-anesthetic'] as const;
export type LocalAnestheticClass = (typeof LOCAL_ANESTHETIC_CLASSES)[number];

export function isLocalAnestheticAgent(id: string): id is LocalAnestheticAgent {
  return Object.hasOwn(catalogueData.localAnestheticMaxDose.agents, id);
}
