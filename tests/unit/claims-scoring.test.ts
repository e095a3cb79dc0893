/**
 * How rule evidence and the check-worthiness model combine, tested with fake scorers (the real model
 * is exercised in claims-worthiness.test.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import { decide, MODEL_ALONE, RULE_THRESHOLD, ruleScore, STRONG_RULE } from '../../core/claims/score';

const SEED = readFileSync(resolve(process.cwd(), 'tests/fixtures/seed/000_ce1b8838b0f80949.txt'), 'utf8');
const constant = (value: number) => (): number => value;

describe('ruleScore', () => {
  it('takes the strongest signal of each kind and combines kinds as independent evidence', () => {
    expect(ruleScore([])).toBe(0);
    expect(ruleScore([{ kind: 'statistic', weight: 0.5 }])).toBeCloseTo(0.5);
    expect(ruleScore([{ kind: 'statistic', weight: 0.5 }, { kind: 'statistic', weight: 0.3 }])).toBeCloseTo(0.5);
    expect(ruleScore([{ kind: 'statistic', weight: 0.5 }, { kind: 'quote', weight: 0.5 }])).toBeCloseTo(0.75);
  });
});

describe('decide', () => {
  it.each([
    // rule, model, keep
    [0.6, undefined, true],
    [RULE_THRESHOLD, undefined, true],
    [0.2, undefined, false],
    [0, undefined, false],
    [STRONG_RULE, 0, true], // strong rule evidence survives a model that disagrees
    [0.4, 0.1, false], // an ordinary rule hit the model finds unimportant is dropped
    [0.4, 0.5, true],
    [0.2, 0.7, true], // a weak rule hit the model agrees with is promoted
    [0.2, 0.3, false],
    [0, MODEL_ALONE, true], // no rule: only a confident model makes a claim
    [0, 0.7, false],
    [0.4, Number.NaN, false], // a broken model score counts as 0
  ] as Array<[number, number | undefined, boolean]>)('rule %f with model %s → keep %s', (rule, model, keep) => {
    const d = decide(rule, model);
    expect(d.keep).toBe(keep);
    expect(d.score).toBeGreaterThanOrEqual(0);
    expect(d.score).toBeLessThanOrEqual(1);
  });
});

describe('detectClaims with a scoreSentence model', () => {
  it('turns a sentence no rule caught into a factual claim when the model is confident', () => {
    const sentence = 'However, the US coalition has also been attacking military objects';
    expect(detectClaims(SEED).some((c) => c.text.includes(sentence))).toBe(false);
    const claims = detectClaims(SEED, { scoreSentence: (s) => (s.includes(sentence) ? 0.95 : 0.5) });
    const claim = claims.find((c) => c.text.includes(sentence));
    expect(claim?.kinds).toEqual(['factual']);
    expect(claim?.signals[0]?.kind).toBe('factual');
  });

  it('never revives questions, boilerplate, bylines or opinions, however high the model scores them', () => {
    const text = [
      'Will the camp close?',
      'Sign up for our newsletter.',
      'All rights reserved.',
      'Copyright © 2023 The Daily Ledger.',
      'Copyright 2019 Reuters, a news agency with 2,500 journalists.',
      '© 2021 The Courier Company Ltd.',
      'Click here to read more.',
      'Share this article',
      'date 2019-09-18 (@imziishan)',
      'I think this is a great idea.',
      'Photo by Jane Doe/Getty Images',
      '2015; 28: 685-690.',
      '[2] Joint Commission National Patient Safety Goal: Alarm Management',
    ].join('\n');
    expect(detectClaims(text, { scoreSentence: constant(1) })).toEqual([]);
    // The word alone is no boilerplate: a sentence about copyright can be a claim.
    expect(detectClaims('Copyright lawsuits rose 40% in 2019, the court said.')).toHaveLength(1);
  });

  it('drops weak rule hits the model finds unimportant but keeps strong ones', () => {
    const weak = 'The loss of reflective ice means more sunlight is absorbed, which causes more warming.';
    const text = `${weak}\nThe Rukban camp houses some 25,000 people, the ministry said.`;
    expect(detectClaims(text).map((c) => c.text)).toHaveLength(2);
    const claims = detectClaims(text, { scoreSentence: constant(0) });
    expect(claims.map((c) => c.text)).toEqual(['The Rukban camp houses some 25,000 people, the ministry said.']);
  });

  it('orders claims by the model: a higher model score gives a higher claim score', () => {
    const text = 'Prices rose 5% in May, the office said.';
    const low = detectClaims(text, { scoreSentence: constant(0.3) })[0]!;
    const high = detectClaims(text, { scoreSentence: constant(0.9) })[0]!;
    expect(high.score).toBeGreaterThan(low.score);
  });

  it('asks the model about the sentence with whitespace tidied', () => {
    const seen: string[] = [];
    detectClaims('Prices   rose 5%\n     in May.', { scoreSentence: (s) => (seen.push(s), 0.5) });
    expect(seen).toEqual(['Prices rose 5% in May.']);
  });

  it('keeps every seed claim when the model is indifferent', () => {
    const plain = detectClaims(SEED).map((c) => c.id);
    const blended = detectClaims(SEED, { scoreSentence: constant(0.5) }).map((c) => c.id);
    expect(blended).toEqual(plain);
  });
});
