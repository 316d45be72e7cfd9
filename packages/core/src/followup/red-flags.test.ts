import { describe, expect, it } from 'vitest';
import { referenceData } from '../reference/reference-data.js';
import { redFlagAdvice, redFlagQuestions, SIDE_EFFECTS } from './red-flags.js';

const ids = (qs: readonly { id: string }[]) => qs.map((q) => q.id);

describe('redFlagQuestions', () => {
  it('asks about the chest only after a thoracic site (pleural risk moderate or higher)', () => {
    const neck = redFlagQuestions({ sites: [{ muscle: 'trapezius-upper', side: 'left' }], drugs: [] });
    const chest = neck.find((q) => q.id === 'chest-pain-or-breathless');
    expect(chest?.why).toMatch(/over the lung/);
    const gluteal = redFlagQuestions({ sites: [{ muscle: 'gluteus-medius-minimus', side: 'left' }], drugs: [] });
    expect(ids(gluteal)).not.toContain('chest-pain-or-breathless');
  });

  it('asks about LAST symptoms only when a local anaesthetic was given', () => {
    const site = [{ muscle: 'gluteus-medius-minimus', side: 'right' as const }];
    expect(ids(redFlagQuestions({ sites: site, drugs: ['lidocaine-1pct'] }))).toContain('last-symptoms');
    expect(ids(redFlagQuestions({ sites: site, drugs: ['triamcinolone-40'] }))).not.toContain('last-symptoms');
  });

  it('always asks about allergy, fainting, weakness and bowel or bladder change', () => {
    const qs = ids(redFlagQuestions({ sites: [], drugs: [] }));
    expect(qs).toEqual(['throat-swelling-or-hives', 'fainting', 'new-weakness-or-numbness', 'bowel-or-bladder-change']);
  });
});

describe('redFlagAdvice', () => {
  it('gives the reference escalation for each yes, most urgent first, with its sources', () => {
    const advice = redFlagAdvice(['fainting', 'chest-pain-or-breathless'], []);
    expect(advice.map((a) => [a.id, a.urgency])).toEqual([
      ['chest-pain-or-breathless', 'emergency'],
      ['fainting', 'urgent'],
    ]);
    expect(advice[0]?.sources).toEqual(['PTCARE', 'CASE_PTX_BILAT']);
    expect(advice[0]?.reference.action).toBe('emergency (suspect pneumothorax)');
    for (const a of advice) {
      expect(referenceData.escalation.some((e) => e.action === a.reference.action)).toBe(true);
    }
  });

  it('raises same-day contact from fever or redness among the side effects', () => {
    expect(redFlagAdvice([], ['fever']).map((a) => [a.id, a.urgency])).toEqual([['infection-signs', 'soon']]);
    expect(redFlagAdvice([], ['bruising'])).toEqual([]);
    expect(SIDE_EFFECTS.map((s) => s.id)).toContain('redness-warmth-drainage');
  });
});
