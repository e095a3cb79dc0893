/**
 * The article-extraction benchmark's published scoring method (Scrapinghub's
 * article-extraction-benchmark): texts become multisets of 4-token shingles, tokens being runs of
 * Unicode word characters; each page contributes tp/fp/fn normalised by their sum so every page
 * weighs the same; precision and recall are averaged over pages, F1 is taken of the two means.
 */

export const SHINGLE_SIZE = 4;

/**
 * Runs of word characters: the benchmark's Python `\w+`, whose Unicode `\w` is letters, numbers and
 * the underscore (combining marks are not word characters there, so they split tokens here too).
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Multiset of the runs of `size` consecutive tokens (a text shorter than `size` yields one shingle of all its tokens). */
export function shingles(text: string, size = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  if (tokens.length > 0 && tokens.length < size) add(tokens.join(' '));
  for (let i = 0; i + size <= tokens.length; i++) add(tokens.slice(i, i + size).join(' '));
  return counts;
}

export interface PageCounts {
  /** Shingles both texts have (multiset intersection), as a fraction of tp+fp+fn. */
  tp: number;
  fp: number;
  fn: number;
}

export function pageCounts(predicted: string, expected: string): PageCounts {
  const pred = shingles(predicted);
  const truth = shingles(expected);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of pred) {
    const shared = Math.min(count, truth.get(key) ?? 0);
    tp += shared;
    fp += count - shared;
  }
  for (const [key, count] of truth) fn += count - Math.min(count, pred.get(key) ?? 0);
  const total = tp + fp + fn;
  // Both texts empty: nothing to normalise; the page then counts in neither mean.
  if (total === 0) return { tp: 0, fp: 0, fn: 0 };
  return { tp: tp / total, fp: fp / total, fn: fn / total };
}

export interface PageScore extends PageCounts {
  id: string;
  precision: number | null;
  recall: number | null;
}

export function scorePage(id: string, predicted: string, expected: string): PageScore {
  const counts = pageCounts(predicted, expected);
  const { tp, fp, fn } = counts;
  // As published: a page with fp = fn = 0 (and tp > 0) scores 1; a page only counts in the
  // precision mean when something was predicted, in the recall mean when something was expected.
  return {
    id,
    ...counts,
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
  };
}

export interface CorpusScore {
  f1: number;
  precision: number;
  recall: number;
  pages: PageScore[];
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function scoreCorpus(predicted: Record<string, string>, expected: Record<string, string>): CorpusScore {
  const pages = Object.keys(expected).map((id) => scorePage(id, predicted[id] ?? '', expected[id]!));
  const precision = mean(pages.flatMap((p) => (p.precision === null ? [] : [p.precision])));
  const recall = mean(pages.flatMap((p) => (p.recall === null ? [] : [p.recall])));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, pages };
}

/** Per-page F1, for ranking the worst pages. */
export function pageF1(page: PageScore): number {
  const p = page.precision ?? 0;
  const r = page.recall ?? 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}
