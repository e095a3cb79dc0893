import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCheckWorthiness, worthinessModel } from '../../core/worthiness/index';
import { featureDot, WordMemo } from '../../core/worthiness/feature-dot';
import { tokenize, visitFeatures, type FeatureConfig } from '../../core/worthiness/features';
import { buildWordLexicon, WordLexicon } from '../../core/worthiness/word-lexicon';
import { decodeSigned, encodeSigned } from '../../core/worthiness/bit-code';
import { WorthinessModel } from '../../core/worthiness/model';
import { WORTHINESS_MODEL_DATA } from '../../core/worthiness/model-data';
import { fnv, SEED_WORD } from '../../core/worthiness/hash';

const seed = readFileSync(resolve(__dirname, '../fixtures/seed/000_ce1b8838b0f80949.txt'), 'utf8');

/** The sentence of the seed that contains `needle` (the seed is one paragraph per line). */
function seedSentence(needle: string): string {
  const sentences = seed.split('\n').flatMap((p) => p.split(/(?<!\b(?:Col|Gen|Mr|Mrs|Dr|Lt|Gov|Sen|Rep)\.)(?<=[.!?]"?)\s+(?=["A-Z])/));
  const found = sentences.find((s) => s.includes(needle));
  if (!found) throw new Error(`seed has no sentence with ${needle}`);
  return found;
}

describe('bundled model', () => {
  it('loads with one weight per hashed bucket', () => {
    const model = worthinessModel();
    expect(model.data.format).toBe(2);
    expect(decodeSigned(WORTHINESS_MODEL_DATA.weights).length).toBe(1 << WORTHINESS_MODEL_DATA.features.hashBits);
    expect(model.data.provenance).toMatch(/ClaimBuster/);
  });

  it('rejects weights that do not match the feature space', () => {
    expect(() => new WorthinessModel({ ...WORTHINESS_MODEL_DATA, weights: encodeSigned(new Int8Array(10)) })).toThrow(/expected/);
    expect(() => new WorthinessModel({ ...WORTHINESS_MODEL_DATA, format: 1 as 2 })).toThrow(/unknown format/);
  });
});

describe('scoreCheckWorthiness', () => {
  it('returns a number in [0, 1] for any input', () => {
    const inputs = ['', ' ', '?', 'Thank you.', '\uFFFD\uFFFD', 'a'.repeat(20000), 'In 2019 taxes rose 40% to $3 trillion, the highest ever.', '数字 123 ١٢٣'];
    for (const s of inputs) {
      const score = scoreCheckWorthiness(s);
      expect(Number.isFinite(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('is a pure function of the sentence', () => {
    const s = seedSentence('25,000 people');
    expect(scoreCheckWorthiness(s)).toBe(scoreCheckWorthiness(s));
  });

  it('ranks a statistic from the seed above opinions and greetings', () => {
    const statistic = scoreCheckWorthiness(seedSentence('25,000 people'));
    for (const s of ['Thank you very much.', 'Good evening, and welcome.', 'I think that is a great idea.', 'What do you think?']) {
      expect(statistic).toBeGreaterThan(scoreCheckWorthiness(s));
      expect(scoreCheckWorthiness(s)).toBeLessThan(0.5);
    }
  });

  it('scores the check-worthy sentences of the seed as claims', () => {
    // The claims the seed README expects: population, WHO characterization, the speakers' statements,
    // dated events, and the characterizations ("illegal presence", "unauthorized military base").
    for (const needle of ['25,000 people', 'Mizintsev, said on Wednesday', 'illegal presence', 'Vladimir Putin said', 'in December 2018', 'since 2014', 'unauthorized military base']) {
      expect(scoreCheckWorthiness(seedSentence(needle)), needle).toBeGreaterThanOrEqual(0.5);
    }
  });
});

describe('featureDot: the fast sum the shipped scorer uses', () => {
  const news = readFileSync(resolve(__dirname, '../fixtures/worthiness/news-sentences.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[2] ?? '')
    .filter((text) => text.length > 0);
  const sentences = [...news, '', '?', 'In 2019 taxes rose 40% to $3 trillion, the highest ever.', '“Quoted,” he said — 1,200 of them.', '数字 123 ١٢٣', 'Has been tested; I’ve never seen it!',
    // Cues that depend on more than one token, or on how a word is written.
    'In May we may win 3% more, may we not?', 'What? No.', 'Why did they go', 'He has raised £2 and €3 — "twice" the cost!',
    'They have been There: John Smith, Mary Jones and I met Bob Brown.', 'I I I think so', 'the 1999 and 2004 budgets rose 12.5 percent'];
  const config = WORTHINESS_MODEL_DATA.features;
  // Weights as the shipped model holds them: integer levels of one step.
  const step = 0.5 / 127;
  const weights = Int8Array.from({ length: 1 << config.hashBits }, (_, i) => Math.round(Math.sin(i * 12.9898) * 127));
  const slowDot = (sentence: string, cfg: FeatureConfig): number => {
    let z = 0;
    visitFeatures(sentence, cfg, (i, v) => {
      z += weights[i]! * step * v;
    });
    return z;
  };

  it('equals the sum over visitFeatures, sentence by sentence, with a memo shared across sentences', () => {
    expect(sentences.length).toBeGreaterThan(100);
    const memo = new WordMemo();
    for (const sentence of sentences) {
      expect(featureDot(sentence, config, weights, step, memo)).toBeCloseTo(slowDot(sentence, config), 9);
    }
    expect(memo.size).toBeGreaterThan(100);
  });

  it('equals it without bigrams and character n-grams, and with 3–5-grams', () => {
    for (const cfg of [
      { ...config, bigrams: false, charMin: 0, charMax: 0 },
      { ...config, charMin: 3, charMax: 5 },
    ]) {
      for (const sentence of sentences.slice(0, 20)) expect(featureDot(sentence, cfg, weights, step)).toBeCloseTo(slowDot(sentence, cfg), 9);
    }
  });

  it('adds the word lexicon as the mean of its tokens\' values', () => {
    const lexicon = new WordLexicon(buildWordLexicon([['taxes', 1], ['rose', 0.5], ['thank', -1], ['people', 0.25]], { bits: 6 }));
    const lexiconMean = (sentence: string): number => {
      const tokens = tokenize(sentence);
      return tokens.length === 0 ? 0 : tokens.reduce((sum, t) => sum + lexicon.value(t.norm), 0) / tokens.length;
    };
    // "In 2019 taxes rose 40% to $3 trillion, the highest ever." has 13 tokens, two of them in the lexicon.
    expect(lexiconMean('In 2019 taxes rose 40% to $3 trillion, the highest ever.')).toBeCloseTo((1 + 0.5) / 13, 2);
    const memo = new WordMemo();
    for (const sentence of sentences) {
      expect(featureDot(sentence, config, weights, step, memo, lexicon)).toBeCloseTo(slowDot(sentence, config) + lexiconMean(sentence), 9);
    }
  });

  it('equals it on 5,000 random strings of letters, digits, apostrophes, marks and other scripts', () => {
    // The characters where featureDot's scan and TOKEN_RE could part ways: every kind of apostrophe,
    // inner points and commas of numbers, each mark, capitals, letters of other scripts.
    const alphabet = ['a', 'e', 'd', 'n', 's', 't', 'l', 'I', 'M', 'B', 'Q', ' ', ' ', "'", '\u2018', '\u2019', '\u02bc', '1', '9', '0', '.', ',', '%', '$', '€', '£', '?', '!', '"', '“', '”', '—', '\uFFFD', 'é', 'Ж', '数', '\u212a', 'İ', '#', ')'];
    let seed = 7;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const memo = new WordMemo();
    for (let k = 0; k < 5000; k++) {
      let sentence = '';
      for (let length = next(40); length > 0; length--) sentence += alphabet[next(alphabet.length)];
      expect(featureDot(sentence, config, weights, step, memo), JSON.stringify(sentence)).toBeCloseTo(slowDot(sentence, config), 9);
    }
  });

  it('keeps one memo entry per word as folded, and two for words whose hashes collide', () => {
    const memo = new WordMemo();
    featureDot('The the THE it’s it\'s itʼs', config, weights, step, memo);
    expect(memo.size).toBe(2);
    // "etyryl" and "mjidmt" have the same FNV state with SEED_WORD, before finish (the key featureDot
    // computes as it reads a word, and the memo keys on): each must keep its own entry.
    expect(fnv(SEED_WORD, 'etyryl', 0, 6)).toBe(fnv(SEED_WORD, 'mjidmt', 0, 6));
    const alone = featureDot('mjidmt', config, weights, step);
    featureDot('etyryl', config, weights, step, memo);
    expect(featureDot('mjidmt', config, weights, step, memo)).toBe(alone);
    expect(memo.size).toBe(4);
  });

  it('a scorer for one text gives exactly the scores of a memo that knows no word', () => {
    const score = worthinessModel().scorer();
    for (const sentence of sentences) expect(score(sentence), sentence).toBe(worthinessModel().score(sentence, new WordMemo()));
    expect(scoreCheckWorthiness(sentences[0]!)).toBe(score(sentences[0]!));
  });

  it('shares one word memo between the model\'s scorers, so a text scored again meets no new word', () => {
    const model = new WorthinessModel(WORTHINESS_MODEL_DATA);
    const first = sentences.slice(0, 20).map(model.scorer());
    const words = model.wordMemo.size;
    expect(words).toBeGreaterThan(50);
    expect(sentences.slice(0, 20).map(model.scorer())).toEqual(first);
    expect(model.wordMemo.size).toBe(words);
    // A scorer given its own memo leaves the model's alone.
    const own = new WordMemo();
    expect(sentences.slice(0, 20).map(model.scorer(own))).toEqual(first);
    expect(own.size).toBe(words);
  });

  it('starts a full memo afresh, with the same sums', () => {
    const memo = new WordMemo(8);
    for (const sentence of sentences.slice(0, 30)) {
      expect(featureDot(sentence, config, weights, step, memo)).toBe(featureDot(sentence, config, weights, step));
      expect(memo.size).toBeLessThanOrEqual(8);
    }
    expect(memo.size).toBeGreaterThan(0);
  });
});
