// SCREENING.md section 3 drug-allergy rows (critical, warning, no card); section 2 "Allergies" and
// "Substances"; section 4 "Name matching" and class-only orders.
import { describe, expect, it } from 'vitest';
import { allergy, daysAgo, injectate, type AllergyOptions, type ConceptSpec, type Resource } from './build-request.js';
import { cardsOf } from './harness.js';

const LIDO = () => [injectate('lidocaine-1pct', 5)];
const PROCAINE = () => [injectate('procaine-1pct', 5)];
const STEROID = () => [injectate('lidocaine-1pct', 5), injectate('triamcinolone-40', 1)];

/** The drug-allergy indicator (or undefined) for one allergy against the planned orders. */
function allergyCard(what: ConceptSpec | string, orders: Resource[] = LIDO(), opts: AllergyOptions = {}) {
  return cardsOf({ orders, allergies: [allergy(what, opts)] })['drug-allergy'];
}

describe('allergy to a planned ingredient (critical)', () => {
  it('lidocaine coded in RxNorm (6387) with lidocaine planned', () => {
    expect(allergyCard({ rxnorm: '6387' })).toBe('critical');
  });
  it('by name in text, any case, and by brand or synonym', () => {
    for (const text of ['Lidocaine', 'LIDOCAINE', 'lignocaine', 'Xylocaine jelly']) {
      expect(allergyCard(text), text).toBe('critical');
    }
  });
  it('an allergy coded with a Knotwork injectate code means that product ingredient', () => {
    expect(allergyCard({ injectate: 'lidocaine-2pct' })).toBe('critical');
  });
  it('an injectate-coded allergy means the ingredient only, not the product excipients', () => {
    // lidocaine-1pct-epi carries sulfite; bupivacaine 0.25% with epinephrine carries sulfite too.
    // The allergy means lidocaine: a different amide than bupivacaine, so a warning.
    expect(allergyCard({ injectate: 'lidocaine-1pct-epi' }, [injectate('bupivacaine-0.25pct-epi', 10)])).toBe(
      'warning',
    );
  });
  it('an unrelated allergy (penicillin) gives no card', () => {
    expect(allergyCard('Penicillin')).toBeUndefined();
  });
  it('no card when the allergen is not planned (lidocaine allergy, saline only)', () => {
    expect(allergyCard('lidocaine', [injectate('saline-0.9pct', 5)])).toBeUndefined();
  });
});

describe('allergy statuses and intolerance', () => {
  it('inactive or resolved allergies do not count; an absent clinicalStatus counts', () => {
    expect(allergyCard('lidocaine', LIDO(), { clinical: 'inactive' })).toBeUndefined();
    expect(allergyCard('lidocaine', LIDO(), { clinical: 'resolved' })).toBeUndefined();
    expect(allergyCard('lidocaine', LIDO(), { clinical: null })).toBe('critical');
  });
  it('refuted or entered-in-error allergies do not count; unconfirmed does', () => {
    expect(allergyCard('lidocaine', LIDO(), { verification: 'refuted' })).toBeUndefined();
    expect(allergyCard('lidocaine', LIDO(), { verification: 'entered-in-error' })).toBeUndefined();
    expect(allergyCard('lidocaine', LIDO(), { verification: 'unconfirmed' })).toBe('critical');
  });
  it('no type, no verificationStatus, or a low criticality still give a critical card', () => {
    const noType = allergy('lidocaine');
    delete noType['type'];
    expect(cardsOf({ orders: LIDO(), allergies: [noType] })['drug-allergy']).toBe('critical');
    expect(allergyCard('lidocaine', LIDO(), { verification: null })).toBe('critical');
    const low = { ...allergy('lidocaine'), criticality: 'low' };
    expect(cardsOf({ orders: LIDO(), allergies: [low] })['drug-allergy']).toBe('critical');
  });
  it('an allergy is dated by recordedDate only: a future onset with no recordedDate still counts', () => {
    const a = { ...allergy('lidocaine'), onsetDateTime: daysAgo(-3) };
    expect(cardsOf({ orders: LIDO(), allergies: [a] })['drug-allergy']).toBe('critical');
  });
  it('type intolerance lowers a critical allergy card to warning', () => {
    expect(allergyCard('lidocaine', LIDO(), { type: 'intolerance' })).toBe('warning');
    expect(allergyCard('sulfite', [injectate('lidocaine-1pct-epi', 5)], { type: 'intolerance' })).toBe('warning');
  });
  it('intolerance lowers class and excipient matches too (steroid class, methylparaben vial)', () => {
    expect(allergyCard('Steroids', STEROID(), { type: 'intolerance' })).toBe('warning');
    expect(allergyCard('paraben', [injectate('lidocaine-1pct-mdv', 5)], { type: 'intolerance' })).toBe('warning');
    expect(allergyCard('PABA', PROCAINE(), { type: 'intolerance' })).toBe('warning');
  });
  it('one card per code: an intolerance and a true allergy together give one critical card', () => {
    const c = cardsOf({
      orders: LIDO(),
      allergies: [allergy('lidocaine', { type: 'intolerance' }), allergy('Xylocaine')],
    });
    expect(c['drug-allergy']).toBe('critical');
  });
  it('an allergy recorded after as-of is ignored', () => {
    expect(allergyCard('lidocaine', LIDO(), { recorded: daysAgo(-1) })).toBeUndefined();
    expect(allergyCard('lidocaine', LIDO(), { recorded: daysAgo(400) })).toBe('critical');
  });
});

describe('class allergies and cross-reactivity', () => {
  it('amide class (text or substance-class coding) with an amide planned: critical', () => {
    expect(allergyCard('Amide local anesthetic')).toBe('critical');
    expect(allergyCard({ substanceClass: 'amide-local-anesthetic' })).toBe('critical');
  });
  it('local anaesthetic, class not known (text, plural, or coding) with an amide planned: critical', () => {
    expect(allergyCard('local anaesthetic')).toBe('critical');
    expect(allergyCard('Local anaesthetics')).toBe('critical');
    expect(allergyCard({ substanceClass: 'local-anesthetic' })).toBe('critical');
  });
  it('a different amide agent (bupivacaine) with lidocaine planned: warning', () => {
    expect(allergyCard('Bupivacaine')).toBe('warning');
    expect(allergyCard('Marcaine')).toBe('warning');
  });
  it('ester allergy with only amides planned: no card (Novocaine, ester class)', () => {
    expect(allergyCard('Novocaine')).toBeUndefined();
    expect(allergyCard('chloroprocaine')).toBeUndefined();
    expect(allergyCard({ substanceClass: 'ester-local-anesthetic' })).toBeUndefined();
  });
  it('"ester local anesthetic" does not also count as "local anesthetic" (found only inside a longer name)', () => {
    expect(allergyCard('ester local anesthetic')).toBeUndefined();
    expect(allergyCard('Ester local anesthetics')).toBeUndefined();
  });
  it('"local anesthetic" also appearing alone counts: critical with an amide planned', () => {
    expect(allergyCard('Ester local anesthetic; later reacted to a local anesthetic as well')).toBe('critical');
  });
  it('amide allergy with only an ester planned: no card (the reverse)', () => {
    expect(allergyCard('lidocaine', PROCAINE())).toBeUndefined();
    expect(allergyCard('amide local anaesthetic', PROCAINE())).toBeUndefined();
  });
  it('ester planned: any ester agent, the ester class, or PABA is critical', () => {
    expect(allergyCard('procaine', PROCAINE())).toBe('critical');
    expect(allergyCard('Nesacaine', PROCAINE())).toBe('critical');
    expect(allergyCard('ester anaesthetic', PROCAINE())).toBe('critical');
    expect(allergyCard('PABA', PROCAINE())).toBe('critical');
    expect(allergyCard('para-aminobenzoic acid', PROCAINE())).toBe('critical');
    expect(allergyCard('local anesthetic', PROCAINE())).toBe('critical');
  });
  it('paraben allergy with an ester planned: warning (disputed cross-reaction)', () => {
    expect(allergyCard('Parabens', PROCAINE())).toBe('warning');
  });
});

describe('excipients (only from the catalogue injectates)', () => {
  it('paraben allergy: none with preservative-free lidocaine, critical with the methylparaben vial', () => {
    expect(allergyCard('paraben')).toBeUndefined();
    const mdv = [injectate('lidocaine-1pct-mdv', 5)];
    expect(allergyCard('paraben', mdv)).toBe('critical');
    expect(allergyCard('Parabens', mdv)).toBe('critical');
    expect(allergyCard('Methylparaben', mdv)).toBe('critical');
    expect(allergyCard({ substanceClass: 'paraben' }, mdv)).toBe('critical');
  });
  it('sulfite allergy with an epinephrine product is critical (excipient); none with plain lidocaine', () => {
    const epi = [injectate('lidocaine-1pct-epi', 5)];
    expect(allergyCard('sulfite', epi)).toBe('critical');
    expect(allergyCard('Sulphites', epi)).toBe('critical');
    expect(allergyCard('sodium metabisulfite', epi)).toBe('critical');
    expect(allergyCard('sulfite')).toBeUndefined();
  });
  it('steroid excipients: benzyl alcohol and polysorbate with triamcinolone; not with dexamethasone', () => {
    expect(allergyCard('benzyl alcohol', STEROID())).toBe('critical');
    expect(allergyCard('Polysorbate 80', STEROID())).toBe('critical');
    expect(allergyCard('benzyl alcohol', [injectate('dexamethasone-4', 1)])).toBeUndefined();
    expect(allergyCard('sulfite', [injectate('dexamethasone-4', 1)])).toBe('critical');
  });
  it('an excipient named only in an order text is not an excipient', () => {
    const order = [injectate({ text: 'Lidocaine 1% with methylparaben' }, 5)];
    const c = cardsOf({ orders: order, allergies: [allergy('paraben')] });
    expect(c['drug-allergy']).toBeUndefined();
    expect(c['unrecognised-order']).toBe('warning');
  });
});

describe('corticosteroid allergies', () => {
  it('the corticosteroid class with one planned is critical ("Steroids", "glucocorticoid")', () => {
    expect(allergyCard('Steroids', STEROID())).toBe('critical');
    expect(allergyCard('glucocorticoid', STEROID())).toBe('critical');
    expect(allergyCard({ substanceClass: 'corticosteroid' }, STEROID())).toBe('critical');
  });
  it('the planned steroid itself: RxNorm 10759 and "Kenalog-40" name triamcinolone', () => {
    expect(allergyCard({ rxnorm: '10759' }, STEROID())).toBe('critical');
    expect(allergyCard('Kenalog-40', STEROID())).toBe('critical');
  });
  it('a different corticosteroid (Depo-Medrol, dexamethasone) is a warning', () => {
    expect(allergyCard('Depo-Medrol', STEROID())).toBe('warning');
    expect(allergyCard('dexamethasone', STEROID())).toBe('warning');
  });
  it('"Non-steroidal anti-inflammatory drugs" does not name a steroid (whole words)', () => {
    expect(allergyCard('Non-steroidal anti-inflammatory drugs', STEROID())).toBeUndefined();
  });
  it('a steroid allergy with no steroid planned gives no card', () => {
    expect(allergyCard('Steroids')).toBeUndefined();
  });
});

describe('name matching: several names, codings and text together', () => {
  it('"bupivacaine with methylparaben" names both', () => {
    const what = 'bupivacaine with methylparaben';
    expect(allergyCard(what)).toBe('warning'); // bupivacaine: another amide
    expect(allergyCard(what, [injectate('bupivacaine-0.5pct', 5)])).toBe('critical');
    expect(allergyCard(what, [injectate('lidocaine-1pct-mdv', 5)])).toBe('critical'); // methylparaben
  });
  it('codings, displays and text are united', () => {
    const what: ConceptSpec = {
      codings: [{ system: 'http://snomed.info/sct', code: '1234567', display: 'Methylparaben' }],
      text: 'Bupivacaine',
    };
    expect(allergyCard(what, [injectate('lidocaine-1pct-mdv', 5)])).toBe('critical');
    expect(allergyCard(what, [injectate('bupivacaine-0.5pct', 5)])).toBe('critical');
  });
  it('a name inside a longer word does not match ("Lidocainex" is not lidocaine)', () => {
    expect(allergyCard('Lidocainex')).toBeUndefined();
  });
  it('word characters are letters and digits only: "lidocaine_HCl" and "lidocaine/bupivacaine" name lidocaine', () => {
    expect(allergyCard('lidocaine_HCl')).toBe('critical');
    expect(allergyCard('bupivacaine/lidocaine')).toBe('critical');
  });
  it('digits are word characters: "Kenalog40" is one word and does not name Kenalog', () => {
    expect(allergyCard('Kenalog40', STEROID())).toBeUndefined();
  });
});

describe('orders named only by ingredient or class (section 4)', () => {
  it('"steroid injection" stands for every corticosteroid: any steroid allergy is critical', () => {
    const orders = [injectate('lidocaine-1pct', 5), injectate({ text: 'steroid injection' }, 1)];
    expect(allergyCard('triamcinolone', orders)).toBe('critical');
    expect(allergyCard('Depo-Medrol', orders)).toBe('critical');
    expect(cardsOf({ orders })['unrecognised-order']).toBe('warning');
  });
  it('a class-only order has no excipients: benzyl alcohol allergy with "steroid injection" gives no card', () => {
    const orders = [injectate({ text: 'steroid injection' }, 1)];
    expect(allergyCard('benzyl alcohol', orders)).toBeUndefined();
    expect(allergyCard('sulfite', [injectate({ text: 'lidocaine with epinephrine' }, 5)])).toBeUndefined();
  });
  it('"local anesthetic" order: an allergy to any agent of the class is critical', () => {
    const orders = [injectate({ text: 'local anesthetic' }, 5)];
    expect(allergyCard('bupivacaine', orders)).toBe('critical');
    expect(allergyCard('procaine', orders)).toBe('critical');
  });
  it('an order named by RxNorm ingredient only (lidocaine 6387) still meets a lidocaine allergy', () => {
    const orders = [injectate({ rxnorm: '6387' }, 5)];
    const c = cardsOf({ orders, allergies: [allergy('lidocaine')] });
    expect(c['drug-allergy']).toBe('critical');
    expect(c['unrecognised-order']).toBe('warning');
  });
});
