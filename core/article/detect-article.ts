/**
 * Finds the article on a page: the element whose subtree holds the most prose for the least other
 * text, the parts inside it that are page furniture, and the headline. Pure: reads the DOM through
 * standard attributes and tree links only (no layout), so it runs the same in the content script
 * and in Node, and it never modifies the page.
 */
import type { DetectedArticle } from './types';
import { measurePage, type ElementStats, type PageStats } from './page-stats';
import { findHeadline, titleHeading, titleWords } from './headline';
import { isBlockElement } from '../text/text-index';

/** Below this much prose a page has no article worth annotating. */
const MIN_ARTICLE_PROSE = 180;
/** An article has at least one real paragraph; app screens and forms have only short lines. */
const MIN_LONGEST_RUN = 80;

/**
 * Home pages and search results: every snippet of prose comes with a headline that is a link. An
 * article's links sit inside its sentences, and its link lists are furniture.
 */
function isTeaserList(s: ElementStats): boolean {
  const linkRuns = s.linkRuns - s.furnitureLinkRuns;
  return linkRuns >= 4 && linkRuns >= 0.6 * s.proseRuns;
}

/** How much a character of furniture (which will be left out) counts against a candidate root. */
const FURNITURE_COST = 0.25;
/** How much a character of other non-prose text counts against a candidate root. */
const CLUTTER_COST = 1;

/** Prose that belongs to the article: prose outside furniture. */
function articleProse(s: ElementStats): number {
  return s.prose - s.furnitureProse;
}

/** How well an element would do as the article's root. */
function rootScore(s: ElementStats): number {
  const prose = articleProse(s);
  const clutter = s.text - prose - s.furnitureText;
  // Schema.org's articleBody is the page's own statement of where the article is.
  const weight = s.articleBody ? 1.5 : 1;
  return weight * prose - CLUTTER_COST * clutter - FURNITURE_COST * s.furnitureText;
}

/** How much text may lie between the page's headline and the start of its article. */
const NEAR_HEADLINE = 600;
/** Candidates next to the page's headline (containing it, or starting just after it) score this much more… */
const HEADLINE_BONUS = 1.5;
/** …and candidates that are not, this much less: on pages with several texts, the headline's is the article. */
const AWAY_FROM_HEADLINE = 0.5;

function chooseRoot(page: PageStats, anchor: Element | null): Element | null {
  const a = anchor ? page.stats.get(anchor) : undefined;
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, s] of page.stats) {
    if (s.inFurniture) continue;
    let score = rootScore(s);
    if (a && score > 0) {
      const near = s.order < a.order ? s.end >= a.order : s.textBefore - (a.textBefore + a.text) <= NEAR_HEADLINE;
      score *= near ? HEADLINE_BONUS : AWAY_FROM_HEADLINE;
    }
    // Ties go to the later (deeper) element: the tighter container.
    if (score >= bestScore && articleProse(s) > 0) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Link-dense blocks without prose: link lists, "read more" lines, tag clouds inside the body. Text
 * of furniture inside (hover cards, hidden menus) does not count, and inline elements never qualify:
 * a link inside a sentence is part of the sentence.
 */
function isLinkList(element: Element, s: ElementStats, page: PageStats): boolean {
  const text = s.text - s.furnitureText;
  const link = s.link - s.furnitureLink;
  if (text === 0 || !isBlockElement(element)) return false;
  if (link > text * 0.5 && articleProse(s) < text * 0.5) return true;
  return isListOfLinks(element, text, link, page);
}

/** A list whose every item carries a link, and links make up a good part of it: "more stories" lists. */
function isListOfLinks(element: Element, text: number, link: number, page: PageStats): boolean {
  const tag = element.tagName.toUpperCase();
  if ((tag !== 'UL' && tag !== 'OL') || link < text * 0.3) return false;
  let items = 0;
  for (let item = element.firstElementChild; item; item = item.nextElementSibling) {
    const s = page.stats.get(item);
    if (!s || s.text === 0) continue;
    if (s.link === 0) return false;
    items++;
  }
  return items >= 2;
}

/** A short line without sentences: the title of the link list that follows it. */
function isListTitle(element: Element, page: PageStats): boolean {
  const s = page.stats.get(element);
  return s !== undefined && s.prose === 0 && s.text > 0 && s.text <= 60 && isBlockElement(element);
}

/** Outermost elements under root to leave out of the article's text. */
function collectExcluded(root: Element, page: PageStats, headline: Element | null): Set<Element> {
  const excluded = new Set<Element>();
  const visit = (element: Element): void => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (child === headline) continue;
      const s = page.stats.get(child);
      if (!s) continue; // hidden or non-text: added below
      if (s.furniture || isLinkList(child, s, page)) {
        excluded.add(child);
        const title = child.previousElementSibling;
        if (s.linkRuns >= 2 && title && title !== headline && !excluded.has(title) && isListTitle(title, page)) {
          excluded.add(title);
        }
        continue;
      }
      visit(child);
    }
  };
  visit(root);
  trimLeadingLines(root, page, headline, excluded);
  // Hidden elements the text index would not skip by itself (aria-hidden, inline display:none).
  for (const element of page.hidden) if (root.contains(element)) excluded.add(element);
  return excluded;
}

/** Longest line that may be trimmed before the article's first paragraph. */
const MAX_LEADING_LINE = 150;

/**
 * Short lines without sentences before the article's first paragraph (kickers, bylines, datelines,
 * "published at" stamps): left out, down to the first block with prose. Lines after the last
 * paragraph are kept: there they are as often part of the article (an address, opening hours).
 */
function trimLeadingLines(root: Element, page: PageStats, headline: Element | null, excluded: Set<Element>): void {
  const trim = (parent: Element): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (child === headline || excluded.has(child)) continue;
      const s = page.stats.get(child);
      if (!s) continue;
      if (articleProse(s) > 0) {
        trim(child);
        return;
      }
      // A sizeable block without sentences (a table, a list) is article content: stop there.
      if (s.text - s.furnitureText > MAX_LEADING_LINE) return;
      if (s.text > 0 && isBlockElement(child)) excluded.add(child);
    }
  };
  trim(root);
}

/** A password field in the main content (not in a comment form left out of it): a sign-in page. */
function asksForPassword(root: Element, page: PageStats, excluded: ReadonlySet<Element>): boolean {
  for (const field of page.passwordFields) {
    if (!root.contains(field)) continue;
    let node = field.parentElement;
    while (node && node !== root && !excluded.has(node)) node = node.parentElement;
    if (!node || node === root) return true;
  }
  return false;
}

/**
 * How much the page looks like one article: plenty of prose, at least one long paragraph, a headline,
 * and few teaser-like links among the paragraphs. Each saturates, so a long article scores near 1.
 */
function confidenceOf(s: ElementStats, hasHeadline: boolean): number {
  const prose = Math.min(1, articleProse(s) / 1500);
  const paragraph = Math.min(1, s.longestRun / 300);
  const teasers = Math.min(1, (s.linkRuns - s.furnitureLinkRuns) / Math.max(1, s.proseRuns));
  return 0.4 * prose + 0.3 * paragraph + 0.15 * (hasHeadline ? 1 : 0) + 0.15 * (1 - teasers);
}

export interface ArticleSearch {
  /** The article, or null when there is none or the page is too large. */
  article: DetectedArticle | null;
  /** Visible characters of the page's body (non-space; counted up to just past `maxText`). */
  pageText: number;
  /** The body holds more than `maxText` visible characters: not measured further, no article. */
  tooLarge: boolean;
}

/**
 * Looks for the article on the page, giving up (tooLarge) once its body has more than `maxText`
 * visible characters: the size limit costs no separate pass over the page, and a huge page costs
 * no more than `maxText` characters of measuring.
 */
export function findArticle(doc: Document, maxText = Infinity): ArticleSearch {
  const body = doc.body;
  if (!body) return { article: null, pageText: 0, tooLarge: false };
  const page = measurePage(body, maxText);
  const search = (article: DetectedArticle | null): ArticleSearch => ({ article, pageText: page.text, tooLarge: page.tooLarge });
  if (page.tooLarge) return search(null);
  const title = titleWords(doc);
  const root = chooseRoot(page, titleHeading(title, page));
  if (!root) return search(null);
  const rootStats = page.stats.get(root)!;
  const prose = articleProse(rootStats);
  if (prose < MIN_ARTICLE_PROSE || rootStats.longestRun < MIN_LONGEST_RUN || isTeaserList(rootStats)) return search(null);
  const headline = findHeadline(title, root, page);
  const excluded = collectExcluded(root, page, headline && root.contains(headline) ? headline : null);
  if (asksForPassword(root, page, excluded)) return search(null);
  return search({ root, headline, excluded, confidence: confidenceOf(rootStats, headline !== null) });
}

/**
 * The article on the page, or null when there is none (home pages, search results, apps, sign-in
 * pages): the content script then stays quiet.
 */
export function detectArticle(doc: Document): DetectedArticle | null {
  return findArticle(doc).article;
}
