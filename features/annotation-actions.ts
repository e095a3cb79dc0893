/**
 * Saving what the reader decides from the page (the card, the "Annotate selection" flow) through the
 * annotation store, then showing it at once: the page's marks are refreshed before the promise
 * resolves. Targets are the canonical URL and selectors over the body-level text, the coordinates
 * the page analysis anchors annotations in.
 */
import { describeSpan } from '../core/anchoring';
import { newAnnotation, newSourceNote, type Annotation, type SourceNote } from '../core/annotations/model';
import type { AnnotationStore } from '../core/annotations/store';
import { buildTextIndex } from '../core/text/text-index';
import type { AnnotationEditorValue } from '../components/annotation-editor/AnnotationEditor';
import type { PageAnalysis } from './page-analysis';
import type { MarkedSpan } from './page-spans';

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** What is being annotated: a marked span, or a fresh range of the body's text (a selection). */
export type AnnotationSubject =
  | { span: MarkedSpan }
  | {
      range: { start: number; end: number };
      /** The body's text the range was taken from (a selection keeps its own snapshot). */
      text: string;
    };

export interface AnnotationActions {
  save(subject: AnnotationSubject, value: AnnotationEditorValue): Promise<ActionResult<Annotation>>;
  remove(annotation: Annotation): Promise<void>;
  createSource(init: { title: string; url: string }): Promise<ActionResult<SourceNote>>;
  library(): Promise<SourceNote[]>;
}

export function createAnnotationActions(deps: {
  doc: Document;
  store: AnnotationStore;
  analysis: PageAnalysis;
}): AnnotationActions {
  const { doc, store, analysis } = deps;

  const build = (subject: AnnotationSubject, value: AnnotationEditorValue): Annotation => {
    const existing = 'span' in subject ? subject.span.annotation : null;
    if (existing) {
      // `modified` stays as loaded: the store refuses the save if another tab changed it since.
      return { ...existing, body: { ...existing.body, ...value } };
    }
    const range = 'span' in subject ? subject.span : subject.range;
    const claim = 'span' in subject ? subject.span.claim : null;
    // Marks add no text, so this is the text the page analysis anchors against. A selection carries
    // the text it was made on: the page may have changed while the reader was typing the note.
    const text = 'text' in subject ? subject.text : buildTextIndex(doc.body).text;
    return newAnnotation({
      source: analysis.source(),
      selector: describeSpan(text, range.start, range.end),
      body: value,
      claim: claim ? { kinds: claim.kinds, ...(claim.speaker ? { speaker: claim.speaker } : {}) } : undefined,
    });
  };

  return {
    async save(subject, value) {
      // Span offsets are body-text offsets of the last run: bring them up to date with the page first.
      await analysis.ensureCurrent();
      let current = subject;
      if ('span' in subject) {
        const span = analysis.span(subject.span.id);
        if (!span) return { ok: false, error: 'The page has changed and this text is no longer on it.' };
        current = { span };
      }
      const result = await store.saveAnnotation(build(current, value));
      if (!result.ok) return { ok: false, error: result.error };
      await analysis.refreshAnnotations();
      return { ok: true, value: result.saved };
    },
    async remove(annotation) {
      await store.deleteAnnotation(annotation.id);
      await analysis.refreshAnnotations();
    },
    async createSource(init) {
      const result = await store.saveSource(newSourceNote(init));
      return result.ok ? { ok: true, value: result.saved } : { ok: false, error: result.error };
    },
    library: () => store.listSources(),
  };
}
