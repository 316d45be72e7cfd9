// Each rule id of rules.ts bound to the function that evaluates it; the Record type makes a rule
// without an evaluator (or the reverse) a compile error.
import * as allergy from './evaluate-allergy.js';
import * as bleeding from './evaluate-bleeding.js';
import * as dose from './evaluate-dose.js';
import * as history from './evaluate-history.js';
import * as infection from './evaluate-infection.js';
import * as plan from './evaluate-plan.js';
import type { Evaluator } from './rule-outcome.js';
import type { RuleId } from './rules.js';

export const EVALUATORS: Record<RuleId, Evaluator> = {
  'systemic.fever': infection.systemicFever,
  'systemic.infection': infection.systemicInfection,
  'infection.at-site': infection.infectionAtSite,
  'infection.elsewhere': infection.infectionElsewhere,
  'bleeding.inr-above': bleeding.inrAbove,
  'bleeding.platelets-critical': bleeding.plateletsCritical,
  'bleeding.disorder-critical': bleeding.disorderCritical,
  'bleeding.disorder-warning': bleeding.disorderWarning,
  'bleeding.platelets-low': bleeding.plateletsLow,
  'anticoagulant.active': bleeding.anticoagulantActive,
  'missing.prefetch': history.missingPrefetch,
  'missing.weight': dose.missingWeight,
  'missing.inr-on-warfarin': bleeding.inrOnWarfarin,
  'missing.condition-uncoded': history.conditionUncoded,
  'allergy.ingredient': allergy.allergyIngredient,
  'allergy.la-class': allergy.allergyLocalAnestheticClass,
  'allergy.ester-cross': allergy.allergyEsterCross,
  'allergy.steroid-class': allergy.allergySteroidClass,
  'allergy.excipient': allergy.allergyExcipient,
  'allergy.same-amide-class': allergy.allergySameAmideClass,
  'allergy.other-steroid': allergy.allergyOtherSteroid,
  'allergy.paraben-ester': allergy.allergyParabenEster,
  'dose.combined-above': dose.doseCombinedAbove,
  'dose.combined-near': dose.doseCombinedNear,
  'order.unreadable-line': plan.unreadableLine,
  'order.unknown-site': plan.unknownSite,
  'order.no-site': plan.noSite,
  'steroid.interval': plan.steroidInterval,
  'steroid.frequency': plan.steroidFrequency,
  'steroid.diabetes': plan.steroidDiabetes,
  'pregnancy.condition': history.pregnancyCondition,
  'pregnancy.status': history.pregnancyStatus,
  'immunosuppression.condition': history.immunosuppressionCondition,
  'indication.none': history.indicationNone,
  'pneumothorax.site': plan.pneumothoraxSite,
  'vasovagal.history': history.vasovagalHistory,
};
