import { describe, expect, it } from 'vitest';
import { pageCounts, scoreCorpus, scorePage, shingles, tokenize } from '../../tools/lib/shingle-score';

describe('tokenize', () => {
  it('splits on everything but Unicode letters, digits and underscores', () => {
    expect(tokenize('Hello, world! 25,000 people—snake_case')).toEqual(['Hello', 'world', '25', '000', 'people', 'snake_case']);
    expect(tokenize('Weizsäcker в Москве')).toEqual(['Weizsäcker', 'в', 'Москве']);
  });
});

describe('shingles', () => {
  it('counts every run of four tokens as a multiset', () => {
    const counts = shingles('a b c d a b c d');
    expect(counts.get('a b c d')).toBe(2);
    expect(counts.get('b c d a')).toBe(1);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('makes one shingle of a text shorter than four tokens, none of an empty one', () => {
    expect([...shingles('just two').entries()]).toEqual([['just two', 1]]);
    expect(shingles('  ... ').size).toBe(0);
  });
});

describe('pageCounts', () => {
  it('normalises tp, fp and fn by their sum', () => {
    // truth 1…6 has shingles 1234, 2345, 3456; prediction 3…7 has 3456, 4567: tp 1, fp 1, fn 2.
    const counts = pageCounts('3 4 5 6 7', '1 2 3 4 5 6');
    expect(counts.tp).toBeCloseTo(1 / 4);
    expect(counts.fp).toBeCloseTo(1 / 4);
    expect(counts.fn).toBeCloseTo(2 / 4);
  });

  it('matches repeated shingles only as often as both texts have them', () => {
    const counts = pageCounts('a b c d a b c d a b c d', 'a b c d');
    // prediction has "a b c d" ×3 plus 6 others; truth has it once.
    expect(counts.tp).toBeCloseTo(1 / 9);
    expect(counts.fp).toBeCloseTo(8 / 9);
    expect(counts.fn).toBe(0);
  });
});

describe('scorePage / scoreCorpus', () => {
  it('scores a perfect page 1 and a missed page 0 recall with no precision', () => {
    expect(scorePage('p', 'one two three four five', 'one two three four five')).toMatchObject({ precision: 1, recall: 1 });
    expect(scorePage('q', '', 'one two three four five')).toMatchObject({ precision: null, recall: 0 });
  });

  it('averages precision and recall over pages, then takes F1 of the means', () => {
    const truth = { a: 'w1 w2 w3 w4 w5', b: 'x1 x2 x3 x4 x5 x6', c: 'y1 y2 y3 y4' };
    const predicted = {
      a: 'w1 w2 w3 w4 w5', // P 1, R 1
      b: 'x1 x2 x3 x4 extra words', // 1 of 3 shingles shared, 2 fp, 2 fn: P 1/3, R 1/3
      c: '', // no prediction: counts in recall (0) only
    };
    const score = scoreCorpus(predicted, truth);
    const precision = (1 + 1 / 3) / 2;
    const recall = (1 + 1 / 3 + 0) / 3;
    expect(score.precision).toBeCloseTo(precision);
    expect(score.recall).toBeCloseTo(recall);
    expect(score.f1).toBeCloseTo((2 * precision * recall) / (precision + recall));
  });

  it('leaves a page with neither text out of both means', () => {
    const score = scoreCorpus({ a: 'w1 w2 w3 w4', b: '' }, { a: 'w1 w2 w3 w4', b: '' });
    expect(score).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});
