/**
 * The article's text, in the coordinate system shared by claim detection and highlighting: a
 * TextIndex over the real DOM with the excluded parts skipped, so every offset maps back to the page.
 */
import { buildTextIndex, type TextIndex } from '../text/text-index';
import type { DetectedArticle } from './types';

export interface ArticleTextOptions {
  /**
   * Whether the headline's text is part of the index (default true). The extraction benchmark's articleBody
   * leaves headlines out, so `npm run extract` asks for the body alone.
   */
  includeHeadline?: boolean;
}

/** Nearest common ancestor of two elements. */
function commonAncestor(a: Element, b: Element): Node {
  for (let node: Element | null = a; node; node = node.parentElement) if (node.contains(b)) return node;
  return a.ownerDocument;
}

/** Two indexes laid end to end, with the block break between them that the index would insert. */
function concatIndexes(root: Node, first: TextIndex, second: TextIndex): TextIndex {
  if (first.text === '') return { root, text: second.text, segments: second.segments };
  if (second.text === '') return { root, text: first.text, segments: first.segments };
  const shift = first.text.length + 1;
  return {
    root,
    text: `${first.text}\n${second.text}`,
    segments: [...first.segments, ...second.segments.map((segment) => ({ node: segment.node, start: segment.start + shift }))],
  };
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, spelled out for DOMs without a Node global

export function indexArticle(article: DetectedArticle, options: ArticleTextOptions = {}): TextIndex {
  const { root, excluded } = article;
  const skip = (element: Element): boolean => excluded.has(element);
  const headline = article.headline;
  if (!headline || root.contains(headline)) {
    const leaveOut = options.includeHeadline === false ? headline : null;
    return buildTextIndex(root, { skip: leaveOut ? (element) => element === leaveOut || skip(element) : skip });
  }
  const body = buildTextIndex(root, { skip });
  if (options.includeHeadline === false) return body;
  // The headline lies outside root: its text and the body's, in page order, over their common
  // ancestor (which the index's DOM lookups only use to reach the document).
  const title = buildTextIndex(headline, { skip });
  const container = commonAncestor(headline, root);
  return headline.compareDocumentPosition(root) & FOLLOWING
    ? concatIndexes(container, title, body)
    : concatIndexes(container, body, title);
}

/** The article's text with runs of spaces collapsed and one line break between blocks. */
export function articleText(article: DetectedArticle, options: ArticleTextOptions = {}): string {
  return tidyText(indexArticle(article, options).text);
}

export function tidyText(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
