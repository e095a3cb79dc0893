/**
 * Browser side of the anchoring benchmark (bundled by bench/anchoring.ts and run in Chromium): times
 * the whole re-anchoring of a batch — text index of the article, anchoring, DOM ranges — for
 * ClaimLens's anchoring and for the baseline, on the same DOM and the same selectors.
 */
import { anchorMany, type Anchor, type Selector } from '../core/anchoring';
import { buildTextIndex, rangeFromOffsets } from '../core/text/text-index';
import { baselineAnchorMany } from './anchoring-baseline';

export interface PageRunResult {
  /** Whole job per run: text index + anchoring + ranges. */
  times: number[];
  /** The anchoring call alone, per run. */
  anchorTimes: number[];
  anchors: Array<[number, number] | null>;
  rangesMade: number;
  indexedText: string;
}

const IMPLEMENTATIONS: Record<string, (text: string, targets: ReadonlyArray<readonly Selector[]>) => Array<Anchor | null>> = {
  claimlens: anchorMany,
  baseline: baselineAnchorMany,
};

function run(articleId: string, implementation: string, targets: Selector[][], runs: number): PageRunResult {
  const root = document.getElementById(articleId);
  const anchor = IMPLEMENTATIONS[implementation];
  if (!root || !anchor) throw new Error(`unknown article ${articleId} or implementation ${implementation}`);
  const times: number[] = [];
  const anchorTimes: number[] = [];
  let anchors: Array<Anchor | null> = [];
  let rangesMade = 0;
  let indexedText = '';
  // One untimed warm-up run per implementation and case, so neither pays for the other's JIT or DOM caches.
  for (let i = -1; i < runs; i++) {
    const t0 = performance.now();
    const index = buildTextIndex(root);
    const t1 = performance.now();
    anchors = anchor(index.text, targets);
    const t2 = performance.now();
    const ranges = anchors.map((a) => (a ? rangeFromOffsets(index, a.start, a.end) : null));
    if (i >= 0) {
      times.push(performance.now() - t0);
      anchorTimes.push(t2 - t1);
    }
    rangesMade = ranges.filter(Boolean).length;
    indexedText = index.text;
  }
  return { times, anchorTimes, anchors: anchors.map((a) => (a ? [a.start, a.end] : null)), rangesMade, indexedText };
}

(window as unknown as { anchoringBench: { run: typeof run } }).anchoringBench = { run };
