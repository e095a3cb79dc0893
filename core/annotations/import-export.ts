/**
 * Export to and import from JSON-LD.
 *
 * Export: a W3C AnnotationCollection (https://www.w3.org/TR/annotation-model/#annotation-collection)
 * with every annotation inline in its embedded `first` AnnotationPage, and the SourceNotes they link
 * to in the extension field `sourceNotes` (see jsonld-context.ts). Verdicts are also exportable as
 * schema.org ClaimReview (claim-review.ts).
 *
 * Import accepts that collection (also a bare AnnotationPage, a single Annotation, or an array of
 * annotations and source notes) and is all-or-nothing per file: everything is parsed and validated
 * first, then the accepted records are written in one storage.set. Decisions:
 * - Files over MAX_IMPORT_CHARS (10 Mi characters) are refused before parsing; files with more than
 *   MAX_IMPORT_RECORDS (20,000) records are refused before validating (more than storage can hold).
 * - Each record is validated on its own; an invalid one is counted in `invalid` and left out, the
 *   rest are imported. If no record at all is valid the import fails with the first reason.
 * - A source note URL that is not http(s) (javascript:, data:, …) is dropped and the note kept
 *   (`urlsDropped`); an annotation whose page URL is not http(s) is invalid (it belongs to no page).
 * - Notes are imported exactly as written, markup included: they are plain text, shown as text.
 * - Ids repeated within the file: the copy with the newest `modified` is used, the others count as invalid.
 * - Merge with stored data by id: a record not stored is added; one whose `modified` is newer than the
 *   stored copy replaces it (updated); otherwise it is skipped. Nothing stored is ever deleted.
 * - Links to source notes that are neither in the file nor stored are removed from the annotation.
 */
import { exportClaimReviews, type JsonLdObject } from './claim-review';
import { newUrnUuid } from './ids';
import { EXPORT_CONTEXT } from './jsonld-context';
import { MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS } from './limits';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { canonicalizeUrl } from './canonical-url';
import type { Annotation, SourceNote } from './model';
import type { AnnotationStore } from './store';
import { parseAnnotation, parseSourceNote } from './validate';

export { exportClaimReviews };
export type { JsonLdObject };

export interface ImportReport {
  ok: boolean;
  /** User-facing reason when ok is false. */
  error?: string;
  added: number;
  updated: number;
  skipped: number;
  invalid: number;
  /** Source notes whose non-http(s) URL was removed. */
  urlsDropped?: number;
  /** Short user-facing details: why records were invalid, links removed, … */
  messages?: string[];
}

export interface ExportOptions {
  /** Only this page's annotations (URL canonicalized) and the source notes they link to. */
  source?: string;
  now?: Date;
}

/** A W3C AnnotationCollection JSON-LD object (JSON.stringify it to save). */
export function exportAnnotationCollection(
  annotations: readonly Annotation[],
  sources: readonly SourceNote[],
  options: ExportOptions = {},
): JsonLdObject {
  let items = [...annotations];
  let notes = [...sources];
  if (options.source !== undefined) {
    const page = canonicalizeUrl(options.source);
    items = items.filter((a) => a.target.source === page || a.target.source === options.source);
    const linked = new Set(items.flatMap((a) => a.body.sources));
    notes = notes.filter((s) => linked.has(s.id));
  }
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    '@context': EXPORT_CONTEXT,
    id: newUrnUuid(),
    type: 'AnnotationCollection',
    label: options.source !== undefined ? `ClaimLens annotations of ${canonicalizeUrl(options.source)}` : 'ClaimLens annotations',
    generator: { type: 'Software', name: 'ClaimLens' },
    generated: (options.now ?? new Date()).toISOString(),
    schemaVersion: CURRENT_SCHEMA_VERSION,
    total: items.length,
    sourceNotes: notes.map((s) => copy(s)),
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: items.map((a) => {
        const { '@context': _context, ...rest } = copy(a);
        return rest;
      }),
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: Record<string, unknown>, type: string): boolean {
  const t = value.type ?? value['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

type Extracted = { annotations: unknown[]; sources: unknown[]; messages: string[] } | { error: string };

const WRONG_SHAPE =
  'This file is not a ClaimLens or W3C Web Annotation export: expected an AnnotationCollection of annotations.';

/** Finds the records in any of the accepted shapes, without validating them. */
function extractRecords(data: unknown): Extracted {
  const messages: string[] = [];
  if (Array.isArray(data)) {
    const annotations = data.filter((r) => !(isObject(r) && hasType(r, 'SourceNote')));
    const sources = data.filter((r) => isObject(r) && hasType(r, 'SourceNote'));
    return { annotations, sources, messages };
  }
  if (!isObject(data)) return { error: WRONG_SHAPE };
  if (hasType(data, 'Annotation')) return { annotations: [data], sources: [], messages };
  if (hasType(data, 'AnnotationPage')) {
    if (!Array.isArray(data.items)) return { error: WRONG_SHAPE };
    return { annotations: data.items, sources: [], messages };
  }
  if (!hasType(data, 'AnnotationCollection')) return { error: WRONG_SHAPE };

  const rawSources = data.sourceNotes ?? data['cl:sourceNotes'] ?? [];
  if (!Array.isArray(rawSources)) return { error: 'The sourceNotes field of this file is not a list.' };
  let annotations: unknown[] = [];
  if (Array.isArray(data.items)) annotations = data.items;
  else if (isObject(data.first)) {
    if (!Array.isArray(data.first.items)) return { error: WRONG_SHAPE };
    annotations = data.first.items;
    if (data.first.next !== undefined) {
      messages.push('This collection continues in other pages that are not in this file; only the first page was read.');
    }
  } else if (typeof data.first === 'string') {
    return { error: 'This collection only links to its annotations (no annotations are inside the file).' };
  } else if (data.total !== 0 && data.total !== undefined) {
    return { error: WRONG_SHAPE };
  }
  return { annotations, sources: rawSources, messages };
}

function describeRecord(record: unknown, index: number): string {
  const id = isObject(record) && typeof record.id === 'string' ? ` ${record.id.slice(0, 60)}` : '';
  return `record ${index + 1}${id}`;
}

/** Keeps the newest copy of each id; returns the number of copies dropped. */
function dedupeById<T extends { id: string; modified: string }>(records: T[]): { unique: T[]; dropped: number } {
  const byId = new Map<string, T>();
  for (const record of records) {
    const seen = byId.get(record.id);
    if (!seen || Date.parse(record.modified) > Date.parse(seen.modified)) byId.set(record.id, record);
  }
  return { unique: [...byId.values()], dropped: records.length - byId.size };
}

const failed = (error: string, invalid = 0): ImportReport => ({ ok: false, error, added: 0, updated: 0, skipped: 0, invalid });

/** Imports a JSON-LD export into the store (see the module comment for the rules). */
export async function importJsonLd(store: AnnotationStore, text: string): Promise<ImportReport> {
  if (typeof text !== 'string') return failed('Nothing to import: the file could not be read as text.');
  if (text.length > MAX_IMPORT_CHARS) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    return failed(`This file is too large to import (${mb} MB; the limit is ${MAX_IMPORT_CHARS / (1024 * 1024)} MB). Nothing was imported.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : '';
    return failed(`This file is not valid JSON${detail ? ` (${detail})` : ''}. Nothing was imported.`);
  }

  const extracted = extractRecords(data);
  if ('error' in extracted) return failed(`${extracted.error} Nothing was imported.`);
  const total = extracted.annotations.length + extracted.sources.length;
  if (total > MAX_IMPORT_RECORDS) {
    return failed(
      `This file has ${total.toLocaleString('en')} records; ClaimLens imports at most ${MAX_IMPORT_RECORDS.toLocaleString('en')} at a time. Nothing was imported.`,
    );
  }

  // 1. Validate every record.
  const messages = [...extracted.messages];
  const reasons: string[] = [];
  let invalid = 0;
  let urlsDropped = 0;
  const annotations: Annotation[] = [];
  const sources: SourceNote[] = [];
  extracted.annotations.forEach((record, index) => {
    const parsed = parseAnnotation(record);
    if (parsed.ok) annotations.push(parsed.value);
    else {
      invalid += 1;
      reasons.push(`${describeRecord(record, index)}: ${parsed.error}`);
    }
  });
  extracted.sources.forEach((record, index) => {
    const parsed = parseSourceNote(record, { unsafeUrl: 'drop' });
    if (parsed.ok) {
      sources.push(parsed.value);
      if (parsed.urlDropped) urlsDropped += 1;
    } else {
      invalid += 1;
      reasons.push(`source note ${describeRecord(record, index)}: ${parsed.error}`);
    }
  });
  const dedupedAnnotations = dedupeById(annotations);
  const dedupedSources = dedupeById(sources);
  const duplicates = dedupedAnnotations.dropped + dedupedSources.dropped;
  invalid += duplicates;
  if (duplicates > 0) messages.push(`${duplicates} record(s) repeat an id used elsewhere in this file; the newest copy was used.`);
  if (urlsDropped > 0) messages.push(`${urlsDropped} source URL(s) that were not http(s) links were removed.`);
  if (reasons.length > 0) {
    messages.push(`${reasons.length} invalid record(s) were left out, e.g. ${reasons.slice(0, 3).join('; ')}.`);
  }
  if (total > 0 && dedupedAnnotations.unique.length + dedupedSources.unique.length === 0) {
    return { ...failed(`None of the ${total} records in this file could be imported (${reasons[0] ?? 'invalid'}). Nothing was imported.`, invalid), messages };
  }

  // 2. Merge with what is stored: newer `modified` wins.
  const [storedAnnotations, storedSources] = await Promise.all([store.listAnnotations(), store.listSources()]);
  const storedA = new Map(storedAnnotations.map((a) => [a.id, a]));
  const storedS = new Map(storedSources.map((s) => [s.id, s]));
  const knownSources = new Set([...storedS.keys(), ...dedupedSources.unique.map((s) => s.id)]);
  let linksRemoved = 0;
  const incomingAnnotations = dedupedAnnotations.unique.map((a) => {
    const kept = a.body.sources.filter((id) => knownSources.has(id));
    linksRemoved += a.body.sources.length - kept.length;
    return kept.length === a.body.sources.length ? a : { ...a, body: { ...a.body, sources: kept } };
  });
  if (linksRemoved > 0) messages.push(`${linksRemoved} link(s) to source notes missing from the file were removed.`);

  let added = 0;
  let updated = 0;
  let skipped = 0;
  const classify = <T extends { id: string; modified: string }>(incoming: T[], stored: Map<string, T>): T[] =>
    incoming.filter((record) => {
      const existing = stored.get(record.id);
      if (!existing) {
        added += 1;
        return true;
      }
      if (Date.parse(record.modified) > Date.parse(existing.modified)) {
        updated += 1;
        return true;
      }
      skipped += 1;
      return false;
    });
  const writeAnnotations = classify(incomingAnnotations, storedA);
  const writeSources = classify(dedupedSources.unique, storedS);

  // 3. Write everything in one batch: it lands entirely or not at all.
  if (writeAnnotations.length + writeSources.length > 0) {
    const result = await store.writeRecords(writeAnnotations, writeSources);
    if (!result.ok) return { ...failed(`${result.error} Nothing from this file was imported.`, invalid), messages };
  }
  const report: ImportReport = { ok: true, added, updated, skipped, invalid };
  if (urlsDropped > 0) report.urlsDropped = urlsDropped;
  if (messages.length > 0) report.messages = messages;
  return report;
}

/** Serialises an export for a file download (pretty-printed, UTF-8 safe). */
export function exportToJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
