/**
 * Anchoring benchmark, run in real Chromium: `npx tsx bench/anchoring.ts [--runs N]`.
 *
 * A generated article of 82,000+ characters is rendered as DOM paragraphs (with inline markup) and
 * served from 127.0.0.1. 500 annotations are re-anchored in three cases — the page unchanged; the
 * page edited (3–6 words changed in every paragraph, a paragraph inserted after the first, so
 * positions shift and most quotes need the fuzzy path); and 500 orphans whose paragraphs were
 * removed — by ClaimLens's anchoring and by a baseline implementing the best-known web annotator's
 * approach, on the same DOM and selectors. Each timing covers the whole job: building the text index
 * from the DOM, anchoring the batch, and making DOM ranges. Reported: median of N runs (default 7),
 * after one untimed warm-up run.
 *
 * "Right": the anchored span overlaps the annotation's true span in the current text with
 * intersection / union ≥ 0.8 (the true span follows the original words through the edits; a
 * replaced word maps onto its replacement). "Exact bounds" counts spans equal to the true span.
 * For orphans, any anchoring at all is a false anchoring.
 *
 * Figures are printed as a table and saved to bench/results-anchoring.json.
 */
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { normalize } from '../core/anchoring/normalize';
import { generateCorpus, rng, textOf, type BenchCase, type Span } from './anchoring-corpus';
import type { PageRunResult } from './anchoring-page';
import { bundleBenchPage } from './lib/bundle-page';

const here = dirname(fileURLToPath(import.meta.url));
const RIGHT_OVERLAP = 0.8;
const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(7, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 7 : 7);
/** `--skip-baseline`: ClaimLens only, for quick iterations (prints the table, saves nothing). */
const SKIP_BASELINE = process.argv.includes('--skip-baseline');

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Paragraph HTML with a few words wrapped in inline markup (the flattened text is unchanged). */
function paragraphHtml(text: string, random: () => number): string {
  return text
    .split(' ')
    .map((word) => {
      const roll = random();
      const safe = escapeHtml(word);
      if (roll < 0.03) return `<em>${safe}</em>`;
      if (roll < 0.05) return `<a href="#w">${safe}</a>`;
      if (roll < 0.06) return `<strong>${safe}</strong>`;
      return safe;
    })
    .join(' ');
}

function articleHtml(id: string, paragraphs: readonly string[], seed: number): string {
  const random = rng(seed);
  const [headline, ...body] = paragraphs;
  return `<article id="${id}"><h1>${escapeHtml(headline!)}</h1>${body
    .map((p) => `<p>${paragraphHtml(p, random)}</p>`)
    .join('')}</article>`;
}

interface Score {
  right: number;
  exactBounds: number;
  falselyAnchored: number;
  orphaned: number;
}

function scoreAnchors(anchors: PageRunResult['anchors'], truth: ReadonlyArray<Span | null>): Score {
  const score: Score = { right: 0, exactBounds: 0, falselyAnchored: 0, orphaned: 0 };
  anchors.forEach((anchor, i) => {
    const t = truth[i];
    if (!anchor) {
      score.orphaned++;
      return;
    }
    if (!t) {
      score.falselyAnchored++;
      return;
    }
    const [start, end] = anchor;
    const intersection = Math.max(0, Math.min(end, t.end) - Math.max(start, t.start));
    const union = Math.max(end, t.end) - Math.min(start, t.start);
    if (intersection / union >= RIGHT_OVERLAP) score.right++;
    else score.falselyAnchored++;
    if (start === t.start && end === t.end) score.exactBounds++;
  });
  return score;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function anchoringModuleSize(): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: "export * from './core/anchoring';", resolveDir: resolve(here, '..'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code).length };
}

async function main(): Promise<void> {
  const corpus = generateCorpus();
  const caseArticle = (c: BenchCase): string => (c.name === 'edited' ? 'edited' : 'current');
  const current = corpus.cases.find((c) => c.name === 'unchanged')!;
  const edited = corpus.cases.find((c) => c.name === 'edited')!;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>anchoring bench</title></head><body>
${articleHtml('current', current.pageParagraphs, 1)}
${articleHtml('edited', edited.pageParagraphs, 2)}
<script src="/bench.js"></script></body></html>`;
  const script = await bundleBenchPage(resolve(here, 'anchoring-page.ts'));

  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: Array<Record<string, string | number>> = [];
  const results: Record<string, unknown> = {};
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'anchoringBench' in window);

    for (const c of corpus.cases) {
      const expectedText = textOf(c.pageParagraphs);
      const caseResult: Record<string, unknown> = { annotations: c.targets.length, textLength: expectedText.length };
      if (c.name === 'orphans') {
        // Sanity figure: orphan quotes that still occur verbatim (normalized) in the current text.
        const normalizedPage = normalize(expectedText);
        caseResult.orphanQuotesStillVerbatimOnPage = c.targets.filter((t) =>
          t.some((s) => s.type === 'TextQuoteSelector' && normalizedPage.includes(normalize(s.exact))),
        ).length;
      }
      for (const implementation of SKIP_BASELINE ? (['claimlens'] as const) : (['claimlens', 'baseline'] as const)) {
        const run = await page.evaluate(
          ([id, impl, targets, runs]) =>
            (window as unknown as { anchoringBench: { run: (...a: unknown[]) => PageRunResult } }).anchoringBench.run(
              id,
              impl,
              targets,
              runs,
            ),
          [caseArticle(c), implementation, c.targets, RUNS] as const,
        );
        if (run.indexedText !== expectedText) throw new Error(`DOM text of ${c.name} differs from the generated text`);
        const score = scoreAnchors(run.anchors, c.truth);
        const ms = median(run.times);
        caseResult[implementation] = {
          medianMs: Number(ms.toFixed(2)),
          minMs: Number(Math.min(...run.times).toFixed(2)),
          medianAnchoringOnlyMs: Number(median(run.anchorTimes).toFixed(2)),
          runsMs: run.times.map((t) => Number(t.toFixed(2))), ...score, rangesMade: run.rangesMade };
        rows.push({
          case: c.name,
          implementation,
          'median ms': Number(ms.toFixed(1)),
          'min ms': Number(Math.min(...run.times).toFixed(1)),
          'anchoring only (median)': Number(median(run.anchorTimes).toFixed(1)),
          right: c.name === 'orphans' ? '-' : `${score.right}/${c.targets.length}`,
          'exact bounds': c.name === 'orphans' ? '-' : score.exactBounds,
          'falsely anchored': score.falselyAnchored,
          orphaned: score.orphaned,
        });
      }
      const mine = caseResult.claimlens as { medianMs: number };
      const base = caseResult.baseline as { medianMs: number } | undefined;
      if (base) caseResult.speedupVsBaseline = Number((base.medianMs / Math.max(mine.medianMs, 0.01)).toFixed(1));
      results[c.name] = caseResult;
    }
  } finally {
    await browser.close();
    server.close();
  }

  const size = await anchoringModuleSize();
  console.table(rows);
  if (SKIP_BASELINE) return;
  for (const name of ['unchanged', 'edited', 'orphans']) {
    const r = results[name] as { speedupVsBaseline: number };
    console.log(`${name}: ClaimLens is ${r.speedupVsBaseline}× faster than the baseline`);
  }
  console.log(`core/anchoring bundle: ${size.minified} B minified, ${size.gzipped} B gzipped`);
  console.log(`load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)}`);
  const output = {
    generatedAt: new Date().toISOString(),
    // The machine is shared: the 1-minute load average at the end of the run, to read timings by.
    loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
    browser: 'chromium (playwright-core, headless)',
    runs: RUNS,
    textLength: corpus.textLength,
    rightDefinition: `anchored span ∩ true span ≥ ${RIGHT_OVERLAP} × (anchored ∪ true); orphans: any anchor is false`,
    timingCovers: 'buildTextIndex(article) + anchorMany + rangeFromOffsets for every anchor',
    bundle: size,
    cases: results,
  };
  writeFileSync(resolve(here, 'results-anchoring.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log('saved bench/results-anchoring.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
