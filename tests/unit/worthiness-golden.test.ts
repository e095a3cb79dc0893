import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { worthinessModel } from '../../core/worthiness/index';
import { readLabelledSentences } from '../../tools/lib/tsv';
import { worthinessFixture } from '../fixtures/worthiness/load';

/**
 * The shipped scorer's scores of news-sentences.tsv as they were when golden-scores.json was written
 * (tests/fixtures/worthiness/write-golden-scores.ts), compared bit for bit: a change to the scorer
 * that is meant to be a pure speed-up or clean-up must not move any score.
 */
describe('golden scores of the bundled model', () => {
  const sentences = readLabelledSentences(readFileSync(worthinessFixture('news-sentences.tsv'), 'utf8'));
  const golden = JSON.parse(readFileSync(worthinessFixture('golden-scores.json'), 'utf8')) as { id: string; score: number }[];
  const regenerate = 'regenerate golden-scores.json (npx tsx tests/fixtures/worthiness/write-golden-scores.ts) only after retraining the model; otherwise the scorer has changed';

  it('has one golden score per sentence of news-sentences.tsv, in order', () => {
    expect(golden.map((g) => g.id), regenerate).toEqual(sentences.map((s) => s.id));
  });

  it('scores every sentence exactly as recorded', () => {
    const model = worthinessModel();
    sentences.forEach((s, i) => {
      expect(model.score(s.text), `${s.id}: ${regenerate}`).toBe(golden[i]!.score);
    });
  });
});
