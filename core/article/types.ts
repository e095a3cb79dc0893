/**
 * The article found on a page: the element that holds it, the headline when it lies outside that
 * element, and the parts inside it that are not article text (share bars, ads, related links).
 */
export interface DetectedArticle {
  root: Element;
  headline: Element | null;
  /** Elements under `root` to leave out of the article's text. */
  excluded: ReadonlySet<Element>;
  /** 0..1, how sure the detector is that this is an article. */
  confidence: number;
}
