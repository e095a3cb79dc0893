/**
 * The article's headline: the heading whose words best match what the page calls itself (og:title,
 * <title>), preferring an h1 inside or just before the article's root.
 */
import type { PageStats } from './page-stats';

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Share of the heading's words that occur in the title. */
function overlap(heading: string[], title: ReadonlySet<string>): number {
  if (heading.length === 0) return 0;
  let hits = 0;
  for (const word of heading) if (title.has(word)) hits++;
  return hits / heading.length;
}

/** The words of what the page calls itself: og:title, else <title>. */
export function titleWords(doc: Document): Set<string> {
  const titleText =
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? doc.title ?? '';
  return new Set(words(titleText));
}

/**
 * The page's own headline before any root is chosen: an h1 (else h2) that says what the title says,
 * or null when none does clearly. The detector looks for the article next to it.
 */
export function titleHeading(title: ReadonlySet<string>, page: PageStats): Element | null {
  if (title.size === 0) return null;
  let best: Element | null = null;
  let bestScore = 0;
  for (const heading of page.headings) {
    const s = page.stats.get(heading);
    if (!s || s.hard || s.text === 0) continue;
    const text = words(heading.textContent ?? '');
    if (overlap(text, title) < 0.8 || overlap([...title], new Set(text)) < 0.5) continue;
    const score = overlap(text, title) + (heading.tagName.toUpperCase() === 'H1' ? 0.3 : 0);
    if (score > bestScore) {
      best = heading;
      bestScore = score;
    }
  }
  return best;
}

/** The headline of the article at `root`, given the words of the page's title (see titleWords). */
export function findHeadline(title: ReadonlySet<string>, root: Element, page: PageStats): Element | null {
  const rootStats = page.stats.get(root)!;
  let best: Element | null = null;
  let bestScore = 0;
  for (const heading of page.headings) {
    const s = page.stats.get(heading);
    // Headline classes often say "header" ("article-header__title"): only tag or role furniture rules one out.
    if (!s || s.hard || s.text === 0) continue;
    const inRoot = s.order > rootStats.order && s.order <= rootStats.end;
    // A headline sits in the article or before it, never after its end.
    if (!inRoot && s.order > rootStats.end) continue;
    let score = overlap(words(heading.textContent ?? ''), title);
    if (heading.tagName.toUpperCase() === 'H1') score += 0.3;
    if (inRoot) score += 0.2;
    if (score > bestScore) {
      best = heading;
      bestScore = score;
    }
  }
  if (bestScore >= 0.6) return best;
  return titleLine(root, page, title);
}

/** Elements looked at before giving up on finding the title among the article's first lines. */
const TITLE_SCAN_LIMIT = 60;

/**
 * Pages that mark their headline up as a paragraph or a div: the first short element of the article,
 * before its prose, whose words are those of the page's title (the deepest such element).
 */
function titleLine(root: Element, page: PageStats, title: ReadonlySet<string>): Element | null {
  if (title.size === 0) return null;
  const rootStats = page.stats.get(root)!;
  const last = Math.min(rootStats.end, rootStats.order + TITLE_SCAN_LIMIT);
  let found: Element | null = null;
  for (let order = rootStats.order + 1; order <= last; order++) {
    const element = page.elements[order]!;
    const s = page.stats.get(element)!;
    if (s.prose > 0 && !s.furniture && s.proseRuns === 1 && s.longestRun === s.prose && s.text === s.prose) break;
    if (s.furniture || s.text === 0 || s.text > 300) continue;
    const heading = words(element.textContent ?? '');
    if (overlap(heading, title) < 0.9) continue;
    // The title tag often adds the site's name, so only most of its words need to be there.
    if (overlap([...title], new Set(heading)) < 0.6) continue;
    if (!found || found.contains(element)) found = element;
  }
  return found;
}
