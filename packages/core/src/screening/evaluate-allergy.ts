// Drug, class and excipient allergies against the plan (SCREENING.md section 3 drug-allergy rows;
// REFERENCE.md 2.3: esters are hydrolysed to PABA and cross-react with each other, not with amides
// [CCF2001][DENTALCARE]; amide cross-sensitivity is not reported; paraben-PABA cross-reaction is
// disputed [PARABEN_DISPUTE]; excipients come only from the catalogue's products).
import type { Indicator, IngredientId } from '../catalogue/catalogue.js';
import type { AllergyFact } from './read-record.js';
import { namesPhrase, notFired, type Evaluator, type Fact } from './rule-outcome.js';
import type { ScreenFacts } from './screen-facts.js';

type Match = { allergy: AllergyFact; what: string };

function classOf(f: ScreenFacts, id: IngredientId) {
  return f.catalogue.data.ingredients[id].class;
}

function planned(f: ScreenFacts, cls: string): IngredientId[] {
  // Catalogue order, so that the order of the MedicationRequests never changes the words.
  return (Object.keys(f.catalogue.data.ingredients) as IngredientId[]).filter(
    (i) => f.plannedIngredients.has(i) && classOf(f, i) === cls,
  );
}

/** A rule over each counted allergy; critical rules drop to warning for an intolerance. */
function allergyRule(level: Indicator, find: (f: ScreenFacts, a: AllergyFact) => string | undefined): Evaluator {
  return (f) => {
    const matches: Match[] = [];
    for (const allergy of f.allergies) {
      const what = find(f, allergy);
      if (what) matches.push({ allergy, what });
    }
    if (matches.length === 0) return notFired();
    const allIntolerance = matches.every((m) => m.allergy.intolerance);
    const indicator: Indicator = level === 'critical' && allIntolerance ? 'warning' : level;
    const facts: Fact[] = matches.map((m) => ({
      path: m.allergy.path,
      text: `${m.allergy.intolerance ? 'intolerance' : 'allergy'}: ${m.allergy.label}; ${m.what}`,
    }));
    // The summary names the first true allergy by label: the order of the records changes nothing.
    const first = [...matches].sort(
      (a, b) =>
        Number(a.allergy.intolerance) - Number(b.allergy.intolerance) ||
        (a.allergy.label < b.allergy.label ? -1 : a.allergy.label > b.allergy.label ? 1 : 0),
    )[0] as Match;
    return {
      fired: true,
      indicator,
      facts,
      summary: `${first.allergy.intolerance ? 'Intolerance' : 'Allergy'} to ${first.allergy.label}: ${first.what}`,
    };
  };
}

export const allergyIngredient = allergyRule('critical', (f, a) => {
  const hit = a.ingredients.filter((i) => f.plannedIngredients.has(i));
  return hit.length > 0 ? `${hit.join(', ')} is planned` : undefined;
});

export const allergyLocalAnestheticClass = allergyRule('critical', (f, a) => {
  const amides = planned(f, 'amide-local-anesthetic');
  const esters = planned(f, 'ester-local-anesthetic');
  if (a.classes.includes('local-anesthetic') && amides.length + esters.length > 0) {
    return `local anaesthetic class; ${[...amides, ...esters].join(', ')} planned`;
  }
  if (a.classes.includes('amide-local-anesthetic') && amides.length > 0)
    return `amide class; ${amides.join(', ')} planned`;
  if (a.classes.includes('ester-local-anesthetic') && esters.length > 0)
    return `ester class; ${esters.join(', ')} planned`;
  return undefined;
});

export const allergyEsterCross = allergyRule('critical', (f, a) => {
  const esters = planned(f, 'ester-local-anesthetic');
  if (esters.length === 0) return undefined;
  const esterAllergens = a.ingredients.filter((i) => classOf(f, i) === 'ester-local-anesthetic');
  if (esterAllergens.length > 0)
    return `ester ${esterAllergens.join(', ')}; esters cross-react; ${esters.join(', ')} planned`;
  if (a.classes.includes('paba')) return `PABA, the ester metabolite; ${esters.join(', ')} planned`;
  return undefined;
});

export const allergySteroidClass = allergyRule('critical', (f, a) => {
  const steroids = planned(f, 'corticosteroid');
  return a.classes.includes('corticosteroid') && steroids.length > 0
    ? `corticosteroid class; ${steroids.join(', ')} planned`
    : undefined;
});

export const allergyExcipient = allergyRule('critical', (f, a) => {
  const hit = a.classes.filter((c) => f.plannedExcipients.has(c));
  if (hit.length === 0) return undefined;
  const products = f.lines.filter((l) => l.product?.excipients.some((e) => hit.includes(e)));
  return `excipient ${hit.join(', ')} in ${namesPhrase(
    products.map((l) => l.product?.display ?? l.label),
    3,
  )}`;
});

function otherOfClass(cls: 'amide-local-anesthetic' | 'corticosteroid', words: string): Evaluator {
  return allergyRule('warning', (f, a) => {
    const allergens = a.ingredients.filter((i) => classOf(f, i) === cls);
    const others = planned(f, cls).filter((p) => !a.ingredients.includes(p));
    return allergens.length > 0 && others.length > 0
      ? `${words} ${allergens.join(', ')}; ${others.join(', ')} planned`
      : undefined;
  });
}

export const allergySameAmideClass = otherOfClass('amide-local-anesthetic', 'a different amide,');
export const allergyOtherSteroid = otherOfClass('corticosteroid', 'a different corticosteroid,');

export const allergyParabenEster = allergyRule('warning', (f, a) => {
  const esters = planned(f, 'ester-local-anesthetic');
  return a.classes.includes('paraben') && esters.length > 0
    ? `paraben (disputed PABA cross-reaction); ${esters.join(', ')} planned`
    : undefined;
});
