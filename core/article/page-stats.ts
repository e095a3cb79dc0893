/**
 * Measures, for every element of the page, how much visible text it holds and how much of that
 * reads as prose, and which elements are page furniture. The detector only reads these figures
 * afterwards: the page is walked once (plus two passes over the measured elements), never modified,
 * and certain furniture (navigation, asides, footers, comment threads) is sized without being walked.
 */
import { isBlockTag, isNonTextTag, upperTagName } from '../text/text-index';
import { FurnitureHint, furnitureHint, NO_MARKUP, readMarkup } from './hints';

export interface ElementStats {
  parent: ElementStats | null;
  /**
   * Visible non-space characters. For certain furniture, which is not walked, the length of its
   * textContent stands in (spaces included): only its size matters there.
   */
  text: number;
  /** Of which inside links. */
  link: number;
  /** Characters in runs of text that read as prose (sentences, few links). */
  prose: number;
  /** Prose inside furniture (comments, asides, captions…): not article text. */
  furnitureProse: number;
  /** Text, and link text, of the outermost furniture elements below (and including) this one. */
  furnitureText: number;
  furnitureLink: number;
  /** Runs of prose, and runs that are nearly all one link (teaser headlines, link lists). */
  proseRuns: number;
  linkRuns: number;
  /** Link runs inside furniture. */
  furnitureLinkRuns: number;
  /** Longest prose run below. */
  longestRun: number;
  /** Furniture by tag/role/comment name (`hard`), or by a furniture-like class name or id (`named`). */
  hard: boolean;
  named: boolean;
  /** Marked up as the article's body (schema.org articleBody). */
  articleBody: boolean;
  /** The verdict once the whole page is known. */
  furniture: boolean;
  /** This element or one of its ancestors is furniture. */
  inFurniture: boolean;
  /** Visible characters before the element in document order. */
  textBefore: number;
  /** Document order of the element and of its last descendant. */
  order: number;
  end: number;
}

export interface PageStats {
  stats: Map<Element, ElementStats>;
  /** The measured elements in document order: `elements[s.order]` is the element of `s`. */
  elements: Element[];
  /** Elements left out of everything: hidden ones and non-text ones (scripts, styles, inputs). */
  hidden: Element[];
  /** Measured h1 and h2 elements in document order: the candidates for the headline. */
  headings: Element[];
  /** Password fields met on the walk (outside hidden elements and certain furniture). */
  passwordFields: Element[];
  /** Visible characters measured (non-space, certain furniture by its textContent length). */
  text: number;
  /** The walk stopped early because the text passed `maxText`: the figures are incomplete. */
  tooLarge: boolean;
}

/** A run of inline text between block boundaries or line breaks. */
interface Run {
  chars: number;
  link: number;
  /** Sentence-ending punctuation seen. */
  stops: number;
  /** Last non-space character that is not a closing quote or bracket. */
  last: number;
}

const MIN_PROSE_RUN = 30;
/**
 * A furniture-like name is overruled on an element that holds this share of the page's prose
 * (the prose outside certain furniture).
 */
const BULK_OF_PROSE = 0.5;

function isSpace(code: number): boolean {
  return code <= 32 || code === 160 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;
}

/** Sentence-ending characters: . ! ? … and their CJK, Arabic and Devanagari forms. */
function isStop(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026 || code === 0x3002 ||
    code === 0xff01 || code === 0xff1f || code === 0x61f || code === 0x964;
}

function isClosing(code: number): boolean {
  return code === 34 || code === 39 || code === 41 || code === 0x201d || code === 0x2019 || code === 0xbb;
}

/**
 * Adds a text node's characters to the run it belongs to and returns how many are visible (not
 * spaces). A function of its own, small enough to be optimised early: inside the walk, which the
 * engine optimises late, this per-character loop was most of the detector's time.
 */
function addText(data: string, run: Run): number {
  let chars = 0;
  let stops = 0;
  let last = run.last;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (isSpace(code)) continue;
    chars++;
    if (isStop(code)) stops++;
    if (!isClosing(code)) last = code;
  }
  run.chars += chars;
  run.stops += stops;
  run.last = last;
  return chars;
}

function newStats(parent: ElementStats | null, order: number): ElementStats {
  return {
    parent, text: 0, link: 0, prose: 0, furnitureProse: 0, furnitureText: 0, furnitureLink: 0, proseRuns: 0, linkRuns: 0, furnitureLinkRuns: 0,
    longestRun: 0, hard: false, named: false, articleBody: false, furniture: false, inFurniture: false, textBefore: 0, order, end: order,
  };
}

/**
 * Measures the page under `root`. The walk stops once more than `maxText` visible characters are
 * measured (the page is then too large to analyse, and the walk never costs more than that much text).
 */
export function measurePage(root: Element, maxText = Infinity): PageStats {
  const stats = new Map<Element, ElementStats>();
  const hidden: Element[] = [];
  const elements: Element[] = [];
  // Collected on the walk, which meets every element anyway: no querySelectorAll over the page later.
  const headings: Element[] = [];
  const passwordFields: Element[] = [];
  const hintsByName = new Map<string, FurnitureHint>();
  let order = 0;
  let textSoFar = 0;

  const flush = (run: Run, into: ElementStats): void => {
    if (run.chars === 0) return;
    if (run.link >= run.chars * 0.8 && run.chars >= 15) into.linkRuns++;
    else if (
      run.link < run.chars * 0.4 &&
      run.chars >= MIN_PROSE_RUN &&
      (run.stops > 0 || run.chars >= 120) &&
      (run.chars >= 80 || isStop(run.last))
    ) {
      into.prose += run.chars;
      into.proseRuns++;
      if (run.chars > into.longestRun) into.longestRun = run.chars;
    }
    run.chars = run.link = run.stops = run.last = 0;
  };

  const visit = (element: Element, run: Run, inLink: boolean, parent: ElementStats | null): void => {
    // Most elements carry no attributes at all: one cheap call spares them every attribute lookup.
    const markup = element.hasAttributes() ? readMarkup(element) : NO_MARKUP;
    const tag = upperTagName(element);
    if (isNonTextTag(tag) || markup.claimLensUi || markup.hidden) {
      hidden.push(element);
      if (tag === 'INPUT' && markup.type?.toLowerCase() === 'password') passwordFields.push(element);
      return;
    }
    const own = newStats(parent, order++);
    own.textBefore = textSoFar;
    own.articleBody = markup.articleBody;
    stats.set(element, own);
    elements.push(element);
    if (tag === 'H1' || tag === 'H2') headings.push(element);
    // The measured root (the body) is never furniture, whatever its classes say about the layout.
    if (parent) {
      const hint = furnitureHint(tag, markup, hintsByName);
      own.hard = hint === FurnitureHint.Certain;
      own.named = hint === FurnitureHint.Named;
    }
    if (tag === 'BR') {
      if (parent) flush(run, parent);
      return;
    }
    // A block ends the run of its parent and starts its own; an inline element continues the run,
    // unless it is furniture (a hover card inside a sentence): then its text is not the sentence's.
    const block = isBlockTag(tag);
    if (block && parent) flush(run, parent);
    if (own.hard && parent) {
      // Certain furniture is left out whatever it holds, so only its size matters, read natively
      // instead of walked: menus and comment threads are often most of a page's elements.
      own.text = element.textContent?.length ?? 0;
      textSoFar += own.text;
      parent.text += own.text;
      return;
    }
    const myRun: Run = block || own.hard || own.named ? { chars: 0, link: 0, stops: 0, last: 0 } : run;
    const linked = inLink || tag === 'A';
    // Past the size limit the rest of the page is not read: the loop stops before the next text node
    // or element, so an element is only ever visited (and measured) while the text is within it.
    for (let child = element.firstChild; child && textSoFar <= maxText; child = child.nextSibling) {
      const type = child.nodeType; // read once: every DOM read is a call into the engine
      if (type === 3) {
        const chars = addText((child as Text).data, myRun);
        own.text += chars;
        textSoFar += chars;
        if (linked) {
          own.link += chars;
          myRun.link += chars;
        }
      } else if (type === 1) {
        visit(child as Element, myRun, linked, own);
      }
    }
    // Inline runs are credited to the block that holds them, so only blocks flush at their end.
    if (myRun !== run || !parent) flush(myRun, own);
    own.end = order - 1;
    if (parent) {
      parent.text += own.text;
      parent.link += own.link;
      parent.prose += own.prose;
      parent.proseRuns += own.proseRuns;
      parent.linkRuns += own.linkRuns;
      if (own.longestRun > parent.longestRun) parent.longestRun = own.longestRun;
    }
  };
  visit(root, { chars: 0, link: 0, stops: 0, last: 0 }, false, null);
  judgeFurniture(stats, stats.get(root)?.prose ?? 0);
  return { stats, elements, hidden, headings, passwordFields, text: textSoFar, tooLarge: textSoFar > maxText };
}

/** Decides furniture now that the page's prose is known, and sums furniture text up the tree. */
function judgeFurniture(stats: Map<Element, ElementStats>, pageProse: number): void {
  const all = [...stats.values()];
  // The bulk of the prose is judged without what is certainly furniture (a long comment thread
  // must not make the article's own container look small). Document order puts parents first.
  let certainProse = 0;
  for (const s of all) {
    s.inFurniture = s.hard || (s.parent?.inFurniture ?? false);
    if (s.hard && !s.parent?.inFurniture) certainProse += s.prose;
  }
  const bulk = (pageProse - certainProse) * BULK_OF_PROSE;
  for (const s of all) {
    s.furniture = s.hard || (s.named && s.prose < bulk);
    s.inFurniture = s.furniture || (s.parent?.inFurniture ?? false);
    if (s.furniture) {
      s.furnitureProse = s.prose;
      s.furnitureText = s.text;
      s.furnitureLink = s.link;
      s.furnitureLinkRuns = s.linkRuns;
    }
  }
  // Reverse order visits children first, so only outermost furniture is counted.
  for (let i = all.length - 1; i >= 0; i--) {
    const s = all[i]!;
    const parent = s.parent;
    if (parent && !parent.furniture) {
      parent.furnitureProse += s.furnitureProse;
      parent.furnitureText += s.furnitureText;
      parent.furnitureLink += s.furnitureLink;
      parent.furnitureLinkRuns += s.furnitureLinkRuns;
    }
  }
}
