import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG, extractFeatures, sentenceCues, tokenize } from '../../core/worthiness/features';

describe('tokenize', () => {
  it('folds numbers into shape tokens and lower-cases words', () => {
    const norms = tokenize('In 2014, Trump’s 25,000 troops cost $3.5 billion — 40% more.').map((t) => t.norm);
    expect(norms).toEqual(['in', '#year', 'trump\'s', '#dlong', 'troops', 'cost', '$', '#dec', 'billion', '#d2', '%', 'more']);
  });

  it('keeps the raw form for capitalisation cues', () => {
    expect(tokenize('The WHO said').map((t) => t.raw)).toEqual(['The', 'WHO', 'said']);
  });

  it('treats the U+FFFD of damaged pages as a separator', () => {
    expect(tokenize('Russia\uFFFDTurkey').map((t) => t.norm)).toEqual(['russia', 'turkey']);
  });

  it.each([
    // Words are folded one by one, as written: lower-cased whole, İ would become two characters and
    // the Kelvin sign the letter k, moving or joining the words.
    ['İstanbul KITE Kiev Ok', ['stanbul', 'kite', 'kiev', 'ok'], ['stanbul', 'KITE', 'Kiev', 'Ok']],
    ['A \u212aelvin ISTANBUL’S', ['a', 'elvin', "istanbul's"], ['A', 'elvin', 'ISTANBUL’S']],
  ])('folds each word of %j as written', (sentence, norms, raws) => {
    expect(tokenize(sentence).map((t) => t.norm)).toEqual(norms);
    expect(tokenize(sentence).map((t) => t.raw)).toEqual(raws);
  });

  it.each([
    ["don't 'quoted' rock'n'roll ''", ["don't", 'quoted', "rock'n'roll"]],
    ['3.5.7 1,2, 4. .5 12.', ['3.5.7', '1,2', '4', '5', '12']],
    ['Café naïve U.S. At-Tanf', ['Caf', 'na', 've', 'U', 'S', 'At', 'Tanf']],
    ['“Yes!” she asked? 5% $4 €3 £2', ['“', 'Yes', '!', '”', 'she', 'asked', '?', '5', '%', '$', '4', '€', '3', '£', '2']],
  ])('splits %j as the grammar says', (sentence, raws) => {
    expect(tokenize(sentence).map((t) => t.raw)).toEqual(raws);
  });
});

describe('sentenceCues', () => {
  it('finds statistics, dates and attribution', () => {
    const cues = sentenceCues('The camp houses some 25,000 people, 40 percent of them children, the WHO said in December 2018.');
    expect(cues).toEqual(expect.arrayContaining(['number', 'numbers-2+', 'percent', 'year', 'month', 'attribution', 'name']));
    expect(cues).not.toContain('first-singular');
  });

  it('finds opinion markers, person and questions', () => {
    const cues = sentenceCues('Do you think I should believe that?');
    expect(cues).toEqual(expect.arrayContaining(['question', 'wh-question', 'second-person', 'first-singular', 'opinion']));
    expect(cues).not.toContain('number');
  });

  it('finds comparatives, superlatives, money and tense', () => {
    expect(sentenceCues('Taxes were higher than ever, the largest increase since the war.')).toEqual(
      expect.arrayContaining(['comparative', 'than', 'superlative', 'past', 'money-word']),
    );
    expect(sentenceCues('We will spend $5 on it.')).toEqual(expect.arrayContaining(['future', 'money', 'first-plural']));
  });

  it('buckets length', () => {
    expect(sentenceCues('Thank you.')).toContain('len<5');
    expect(sentenceCues('one two three four five six seven eight nine ten eleven twelve')).toContain('len<20');
  });
});

describe('extractFeatures', () => {
  const config = DEFAULT_FEATURE_CONFIG;
  const size = 1 << config.hashBits;

  it('is deterministic and stays inside the hashed space', () => {
    const s = 'Unemployment fell to 3.5 percent in 2019, the lowest rate in fifty years.';
    const a = extractFeatures(s, config);
    const b = extractFeatures(s, config);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(a.indices.length).toBeGreaterThan(20);
    for (const i of a.indices) expect(i >= 0 && i < size).toBe(true);
  });

  it('gives different sentences different features', () => {
    const a = extractFeatures('Taxes went up.', config);
    const b = extractFeatures('Taxes went down.', config);
    expect(Array.from(a.indices)).not.toEqual(Array.from(b.indices));
  });

  it('scales text namespaces so long sentences do not get larger vectors', () => {
    const norm = (s: string) => Math.sqrt(Array.from(extractFeatures(s, { ...config, weights: { ...config.weights, cue: 0 } }).values).reduce((t, v) => t + v * v, 0));
    const short = norm('Taxes went up.');
    const long = norm('Taxes went up in every state of the union for every family that earns a wage, year after year after year.');
    // Three unit-length namespaces: the norm is about sqrt(3) whatever the length.
    expect(short).toBeCloseTo(Math.sqrt(3), 1);
    expect(long).toBeCloseTo(Math.sqrt(3), 1);
  });

  it('handles empty and punctuation-only text', () => {
    expect(extractFeatures('', config).indices.length).toBeGreaterThan(0); // the length cue
    expect(() => extractFeatures('?!…', config)).not.toThrow();
  });
});
