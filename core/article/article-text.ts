/**
 * The article's text, in the coordinate system shared by claim detection and highlighting: a
 * TextIndex over the real DOM with the excluded parts skipped, so every offset maps back to the page.
 */
import { buildTextIndex, type TextIndex } from '../text/text-index';
import type { DetectedArticle } from './types';

export interface ArticleTextOptions {
  /**
   * Whether the headline's text comes first (default true). The extraction benchmark's articleBody
   * leaves headlines out, so `npm run extract` asks for the body alone.
   */
  includeHeadline?: boolean;
}

/** The element ancestors of `node`, nearest first, up to and including `stop` (or the document's root). */
function ancestorsOf(node: Element, stop: Element | null): Element[] {
  const chain: Element[] = [];
  for (let current = node.parentElement; current; current = current.parentElement) {
    chain.push(current);
    if (current === stop) break;
  }
  return chain;
}

export function indexArticle(article: DetectedArticle, options: ArticleTextOptions = {}): TextIndex {
  const { root, excluded } = article;
  const headline = options.includeHeadline === false ? null : article.headline;
  if (!headline || root.contains(headline)) {
    const skipped = article.headline && !headline ? article.headline : null;
    return buildTextIndex(root, { skip: (element) => element === skipped || excluded.has(element) });
  }
  // The headline lies outside root: index their nearest common ancestor, walking only down the
  // paths to the two of them and skipping everything else on the way.
  const rootPath = new Set(ancestorsOf(root, null));
  const common = ancestorsOf(headline, null).find((element) => rootPath.has(element)) ?? root.ownerDocument.documentElement;
  const onPath = new Set([...ancestorsOf(root, common), ...ancestorsOf(headline, common), common]);
  return buildTextIndex(common, {
    skip: (element) => {
      if (excluded.has(element)) return true;
      if (onPath.has(element) || element === root || element === headline) return false;
      // Children of path elements that are neither target are off to the side; anything deeper
      // was reached through root or the headline and belongs to them.
      const parent = element.parentElement;
      return parent !== null && onPath.has(parent);
    },
  });
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
