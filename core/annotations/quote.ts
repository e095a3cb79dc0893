import type { Annotation } from './model';
import type { TextQuoteSelector } from './selectors';

/** The annotated text (the TextQuoteSelector's `exact`), or null if the target has none. */
export function quoteOf(annotation: Pick<Annotation, 'target'>): string | null {
  const quote = annotation.target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  return quote ? quote.exact : null;
}
