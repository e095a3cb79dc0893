/**
 * Validation of records read from storage or from an import file. Every function takes `unknown`
 * and builds a fresh record from the fields it knows, so unknown fields, prototype tricks and
 * shared references never reach storage. Strings are kept exactly as given (no HTML stripping or
 * escaping: notes are plain text and the UI renders them as text).
 */
import { CLAIM_KINDS, type ClaimKind } from '../claims/types';
import {
  MAX_CONTEXT_LENGTH,
  MAX_ID_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_SELECTORS,
  MAX_SHORT_TEXT_LENGTH,
  MAX_SOURCES_PER_ANNOTATION,
  MAX_TAGS,
  MAX_URL_LENGTH,
} from './limits';
import { isSafeHttpUrl, motivationFor, type Annotation, type SourceNote } from './model';
import type { Selector } from './selectors';
import { isVerdict, type Verdict } from './verdicts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;

/** Ids become storage keys (`annotation:<id>`): no whitespace or control characters, bounded length. */
export function isValidId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_ID_LENGTH &&
    !CONTROL_OR_SPACE.test(value) &&
    // @wxt-dev/storage keeps an item's metadata under "<key>$": an id ending in "$" would collide.
    !value.endsWith('$')
  );
}

/** Returns the ISO form of a valid date-time string, or null. */
export function normalizeIsoTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  // Require at least a full date so numbers-as-strings ("5") are not read as years.
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function optionalText(value: unknown, field: string, max: number): Parsed<string> {
  if (value === undefined || value === null) return { ok: true, value: '' };
  if (typeof value !== 'string') return fail(`${field} must be text`);
  if (value.length > max) return fail(`${field} is longer than ${max} characters`);
  return { ok: true, value };
}

function parseSelector(value: unknown): Parsed<Selector> | null {
  if (!isPlainObject(value)) return fail('a selector is not an object');
  if (value.type === 'TextQuoteSelector') {
    const { exact, prefix = '', suffix = '' } = value;
    if (typeof exact !== 'string' || exact === '') return fail('TextQuoteSelector.exact must be non-empty text');
    if (exact.length > MAX_QUOTE_LENGTH) return fail(`the quoted text is longer than ${MAX_QUOTE_LENGTH} characters`);
    if (typeof prefix !== 'string' || typeof suffix !== 'string') return fail('TextQuoteSelector prefix/suffix must be text');
    if (prefix.length > MAX_CONTEXT_LENGTH || suffix.length > MAX_CONTEXT_LENGTH) return fail('TextQuoteSelector prefix/suffix too long');
    return { ok: true, value: { type: 'TextQuoteSelector', exact, prefix, suffix } };
  }
  if (value.type === 'TextPositionSelector') {
    const { start, end } = value;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
      return fail('TextPositionSelector needs integer offsets with 0 <= start <= end');
    }
    return { ok: true, value: { type: 'TextPositionSelector', start: start as number, end: end as number } };
  }
  // Other W3C selector types (CssSelector, RangeSelector, …) are not ones ClaimLens can anchor: ignored.
  return null;
}

function parseStringList(value: unknown, field: string, max: number, valid: (s: string) => boolean): Parsed<string[]> {
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (!Array.isArray(value)) return fail(`${field} must be a list`);
  if (value.length > max) return fail(`${field} has more than ${max} entries`);
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || !valid(item)) return fail(`${field} contains an invalid entry`);
    if (!out.includes(item)) out.push(item);
  }
  return { ok: true, value: out };
}

function parseTags(value: unknown): Parsed<string[]> {
  const list = parseStringList(value, 'tags', MAX_TAGS, (t) => t.length <= MAX_SHORT_TEXT_LENGTH);
  if (!list.ok) return list;
  const tags: string[] = [];
  for (const raw of list.value) {
    const tag = raw.trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return { ok: true, value: tags };
}

function parseClaim(value: unknown): Parsed<Annotation['claim'] | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (!isPlainObject(value)) return fail('claim must be an object');
  if (!Array.isArray(value.kinds)) return fail('claim.kinds must be a list');
  // Kinds this version does not know (from a newer export) are dropped rather than failing the record.
  const kinds = value.kinds.filter((k): k is ClaimKind => (CLAIM_KINDS as readonly unknown[]).includes(k));
  const claim: NonNullable<Annotation['claim']> = { kinds: [...new Set(kinds)] };
  if (value.speaker !== undefined && value.speaker !== null) {
    if (typeof value.speaker !== 'string' || value.speaker.length > MAX_SHORT_TEXT_LENGTH) return fail('claim.speaker must be short text');
    if (value.speaker !== '') claim.speaker = value.speaker;
  }
  return { ok: true, value: claim };
}

/**
 * Annotations of one page share its URL, so listing thousands of records parses few distinct URLs:
 * remember the verdicts (bounded, so a hostile import cannot grow it without limit).
 */
const pageUrlVerdicts = new Map<string, boolean>();
function isValidPageUrl(url: string): boolean {
  let valid = pageUrlVerdicts.get(url);
  if (valid === undefined) {
    valid = url.length <= MAX_URL_LENGTH && isSafeHttpUrl(url);
    if (pageUrlVerdicts.size >= 2_000) pageUrlVerdicts.clear();
    pageUrlVerdicts.set(url, valid);
  }
  return valid;
}

/** Validates a stored or imported annotation and returns a clean copy. */
export function parseAnnotation(value: unknown): Parsed<Annotation> {
  if (!isPlainObject(value)) return fail('not an object');
  if (value.type !== 'Annotation') return fail('type is not "Annotation"');
  if (!isValidId(value.id)) return fail('missing or invalid id');
  const created = normalizeIsoTime(value.created);
  const modified = normalizeIsoTime(value.modified);
  if (!created || !modified) return fail('created/modified must be ISO date-times');

  const target = value.target;
  if (!isPlainObject(target)) return fail('target must be an object with source and selector');
  if (typeof target.source !== 'string' || !isValidPageUrl(target.source)) {
    return fail('target.source must be an http(s) URL');
  }
  const rawSelectors = Array.isArray(target.selector) ? target.selector : [target.selector];
  if (rawSelectors.length > MAX_SELECTORS) return fail('too many selectors');
  const selector: Selector[] = [];
  for (const raw of rawSelectors) {
    const parsed = parseSelector(raw);
    if (parsed === null) continue;
    if (!parsed.ok) return parsed;
    selector.push(parsed.value);
  }
  if (!selector.some((s) => s.type === 'TextQuoteSelector')) return fail('target needs a TextQuoteSelector');

  const body = value.body;
  if (!isPlainObject(body)) return fail('body must be an object');
  if (body.type !== undefined && body.type !== 'ClaimLensAssessment') return fail('body is not a ClaimLens assessment');
  let verdict: Verdict | null = null;
  if (body.verdict !== undefined && body.verdict !== null) {
    if (!isVerdict(body.verdict)) return fail(`unknown verdict ${JSON.stringify(body.verdict).slice(0, 40)}`);
    verdict = body.verdict;
  }
  const note = optionalText(body.note, 'note', MAX_NOTE_LENGTH);
  if (!note.ok) return note;
  const tags = parseTags(body.tags);
  if (!tags.ok) return tags;
  const sources = parseStringList(body.sources, 'sources', MAX_SOURCES_PER_ANNOTATION, isValidId);
  if (!sources.ok) return sources;
  const claim = parseClaim(value.claim);
  if (!claim.ok) return claim;

  const annotation: Annotation = {
    id: value.id,
    type: 'Annotation',
    motivation: motivationFor(verdict),
    created,
    modified,
    target: { source: target.source, selector },
    body: { type: 'ClaimLensAssessment', verdict, note: note.value, tags: tags.value, sources: sources.value },
  };
  if (claim.value) annotation.claim = claim.value;
  return { ok: true, value: annotation };
}

export interface SourceNoteParseOptions {
  /**
   * What to do with a URL that is not http(s) (javascript:, data:, …). Saving from the UI refuses the
   * record ('reject', the default) so the user can fix it; importing keeps the user's notes and drops
   * only the URL ('drop').
   */
  unsafeUrl?: 'reject' | 'drop';
}

export type ParsedSourceNote = { ok: true; value: SourceNote; urlDropped: boolean } | { ok: false; error: string };

/** Validates a stored or imported source note and returns a clean copy. */
export function parseSourceNote(value: unknown, options: SourceNoteParseOptions = {}): ParsedSourceNote {
  if (!isPlainObject(value)) return fail('not an object');
  if (value.type !== 'SourceNote') return fail('type is not "SourceNote"');
  if (!isValidId(value.id)) return fail('missing or invalid id');
  const created = normalizeIsoTime(value.created);
  const modified = normalizeIsoTime(value.modified);
  if (!created || !modified) return fail('created/modified must be ISO date-times');

  const fields: Record<'title' | 'publisher' | 'date' | 'excerpt' | 'reliability', string> = {
    title: '', publisher: '', date: '', excerpt: '', reliability: '',
  };
  for (const [field, max] of [
    ['title', MAX_SHORT_TEXT_LENGTH],
    ['publisher', MAX_SHORT_TEXT_LENGTH],
    ['date', MAX_SHORT_TEXT_LENGTH],
    ['excerpt', MAX_NOTE_LENGTH],
    ['reliability', MAX_NOTE_LENGTH],
  ] as const) {
    const text = optionalText(value[field], field, max);
    if (!text.ok) return text;
    fields[field] = text.value;
  }
  if (fields.title.trim() === '') return fail('a source note needs a title');

  const rawUrl = value.url ?? '';
  if (typeof rawUrl !== 'string') return fail('url must be text');
  let url = rawUrl.trim();
  let urlDropped = false;
  if (url !== '' && (url.length > MAX_URL_LENGTH || !isSafeHttpUrl(url))) {
    if (options.unsafeUrl !== 'drop') return fail('the source URL must start with http:// or https://');
    url = '';
    urlDropped = true;
  }

  return {
    ok: true,
    urlDropped,
    value: { id: value.id, type: 'SourceNote', ...fields, url, created, modified },
  };
}
