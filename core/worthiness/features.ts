/**
 * Feature extraction for the check-worthiness model, shared by training (tools/train-claims.ts) and
 * inference (scoreCheckWorthiness): one implementation, so the weights always mean the same thing.
 *
 * A sentence becomes a sparse vector in a hashed space of 2^hashBits dimensions ("hashing trick": no
 * vocabulary to ship, unseen words simply land on some bucket). Features come in namespaces:
 *  - word unigrams and bigrams (lower-cased, numbers folded into shape tokens such as #year),
 *  - character n-grams inside words (catch inflections: "-est", "-ed", "percent"/"percentage"),
 *  - cues a fact-checker looks for: numbers, percentages, money, dates, comparatives, superlatives,
 *    attribution verbs, tense, first/second person and opinion markers, questions, length.
 * Each text namespace is scaled to unit length so long sentences do not get larger scores just for
 * having more words; cues are plain 0/1 flags.
 */

export interface FeatureConfig {
  /** log2 of the hashed space size. */
  hashBits: number;
  /** Shortest and longest character n-gram taken inside a word (with boundary marks); 0 = none. */
  charMin: number;
  charMax: number;
  /** Whether to add word bigrams. */
  bigrams: boolean;
  /** Whether to add pairs of cues (e.g. number + first person), a little non-linearity for a linear model. */
  cuePairs?: boolean;
  /** Multipliers of each namespace (relative weight before regularisation). */
  weights: { word: number; bigram: number; char: number; cue: number };
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  hashBits: 15,
  charMin: 3,
  charMax: 5,
  bigrams: true,
  cuePairs: false,
  weights: { word: 1, bigram: 1, char: 1, cue: 0.5 },
};

/** Receives each feature: a bucket in [0, 2^hashBits) and a signed value. */
export type FeatureVisitor = (index: number, value: number) => void;

// Namespace seeds for the hash, so "w:more" and "b:more" land in unrelated buckets.
const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x01000193;
const SEED_CHAR = 0x2545f491;
const SEED_CUE = 0x9e3779b9;

/** FNV-1a over s[start, end), starting from a namespace seed. */
function hashRange(s: string, start: number, end: number, seed: number): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix) so that low bits depend on every character.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Sends a hashed feature: the top bit picks the sign, which keeps collisions from adding up. */
function emit(h: number, value: number, mask: number, visit: FeatureVisitor): void {
  visit(h & mask, h & 0x80000000 ? -value : value);
}

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec',
]);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
  'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'dozen',
  'dozens', 'half', 'third', 'quarter', 'double', 'doubled', 'triple', 'tripled', 'twice',
]);
const SCALE_WORDS = new Set(['thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions']);
const MONEY_WORDS = new Set(['dollar', 'dollars', 'cents', 'euros', 'pounds', 'budget', 'deficit', 'debt', 'tax', 'taxes', 'spending', 'spent', 'cost', 'costs', 'paid', 'funding']);
const PERCENT_WORDS = new Set(['percent', 'percentage', 'per', 'rate', 'rates']);
const COMPARATIVE_WORDS = new Set(['more', 'less', 'fewer', 'than', 'higher', 'lower', 'larger', 'smaller', 'greater', 'increase', 'increased', 'decrease', 'decreased', 'rose', 'fell', 'cut', 'cuts', 'grew', 'doubled', 'dropped', 'reduced', 'raised']);
const SUPERLATIVE_WORDS = new Set(['most', 'least', 'best', 'worst', 'largest', 'biggest', 'highest', 'lowest', 'ever', 'record', 'first', 'last', 'only']);
const ATTRIBUTION_WORDS = new Set(['said', 'says', 'say', 'told', 'according', 'reported', 'announced', 'claimed', 'claims', 'stated', 'described', 'estimated', 'estimates', 'confirmed', 'denied', 'admitted', 'testified', 'voted', 'signed', 'proposed']);
const FIRST_SINGULAR = new Set(['i', "i'm", "i've", "i'll", "i'd", 'me', 'my', 'mine', 'myself']);
const FIRST_PLURAL = new Set(['we', "we're", "we've", "we'll", "we'd", 'us', 'our', 'ours', 'ourselves']);
const SECOND_PERSON = new Set(['you', "you're", "you've", "you'll", "you'd", 'your', 'yours', 'yourself']);
const OPINION_WORDS = new Set(['think', 'believe', 'feel', 'hope', 'want', 'wish', 'should', 'must', 'ought', 'need', 'needs', 'going', 'gonna', 'let', "let's", 'frankly', 'honestly', 'opinion', 'agree', 'disagree', 'wrong', 'right', 'great', 'terrible', 'good', 'bad']);
const FUTURE_WORDS = new Set(['will', "'ll", 'would', 'going', 'shall', 'plan', 'plans', 'intend', 'promise']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "didn't", "wasn't", "weren't"]);
const PERFECT_AUX = new Set(['has', 'have', "hasn't", "haven't", "'ve"]);
const COURTESY_WORDS = new Set(['thank', 'thanks', 'applause', 'laughter', 'crosstalk', 'hello', 'welcome', 'congratulations', 'okay', 'ok', 'yes', 'no', 'well', 'sir', 'senator', 'governor', 'gentlemen', 'ladies']);
const WH_WORDS = new Set(['what', 'why', 'how', 'who', 'when', 'where', 'which', 'do', 'does', 'did', 'is', 'are', 'can', 'could', 'would', 'will', 'should']);
const CAUSAL_WORDS = new Set(['because', 'caused', 'causes', 'led', 'result', 'resulted', 'due', 'since', 'therefore', 'thanks']);

/**
 * Words and numbers of a sentence, in order. Curly apostrophes are straightened and the U+FFFD that
 * damaged pages carry in place of dashes is treated as a separator.
 */
const TOKEN_RE = /[A-Za-z]+(?:'[A-Za-z]+)*|\d+(?:[.,]\d+)*|[%$€£?!"]/g;

export interface Token {
  /** Lower-cased word, or a shape such as #year for numbers, or the punctuation mark itself. */
  norm: string;
  /** The word as written (used for capitalisation cues). */
  raw: string;
}

function numberShape(raw: string): string {
  const plain = raw.replace(/,/g, '');
  if (/^\d{4}$/.test(plain)) {
    const n = Number(plain);
    if (n >= 1800 && n <= 2099) return '#year';
  }
  if (plain.includes('.')) return '#dec';
  if (plain.length === 1) return '#d1';
  if (plain.length === 2) return '#d2';
  if (plain.length === 3) return '#d3';
  return '#dlong';
}

export function tokenize(sentence: string): Token[] {
  const text = sentence.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    const norm = c >= 48 && c <= 57 ? numberShape(raw) : raw.toLowerCase();
    tokens.push({ raw, norm });
  }
  return tokens;
}

/** Names of the 0/1 cues found in a sentence (exported for tests and for explaining scores). */
export function sentenceCues(sentence: string, tokens: readonly Token[] = tokenize(sentence)): string[] {
  const cues = new Set<string>();
  let numbers = 0;
  let capitalised = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const { norm, raw } = tokens[i]!;
    const next = tokens[i + 1]?.norm;
    if (norm.startsWith('#')) {
      numbers++;
      if (norm === '#year') cues.add('year');
      continue;
    }
    if (norm === '%' || norm === 'percent' || norm === 'percentage') cues.add('percent');
    if (norm === '$' || norm === '€' || norm === '£') cues.add('money');
    if (norm === '"') cues.add('quote-mark');
    if (norm === '?' || norm === '!' || norm === '%' || norm === '$' || norm === '€' || norm === '£' || norm === '"') continue;
    words++;
    if (i > 0 && /^[A-Z][a-z]/.test(raw) && norm !== 'i') capitalised++;
    if (NUMBER_WORDS.has(norm)) numbers++;
    if (SCALE_WORDS.has(norm)) cues.add('scale-word');
    if (MONEY_WORDS.has(norm)) cues.add('money-word');
    if (PERCENT_WORDS.has(norm)) cues.add('rate-word');
    if (MONTHS.has(norm) && (norm.length > 3 || /^[A-Z]/.test(raw))) cues.add('month');
    if (WEEKDAYS.has(norm)) cues.add('weekday');
    if (COMPARATIVE_WORDS.has(norm)) cues.add('comparative');
    if (norm === 'than') cues.add('than');
    if (SUPERLATIVE_WORDS.has(norm) || (norm.length > 5 && norm.endsWith('est') && !/(?:interest|test|west|request|suggest|honest|protest|arrest|invest|forest|contest|modest|rest)$/.test(norm))) cues.add('superlative');
    if (ATTRIBUTION_WORDS.has(norm)) cues.add('attribution');
    if (FIRST_SINGULAR.has(norm)) cues.add('first-singular');
    if (FIRST_PLURAL.has(norm)) cues.add('first-plural');
    if (SECOND_PERSON.has(norm)) cues.add('second-person');
    if (OPINION_WORDS.has(norm)) cues.add('opinion');
    if (FUTURE_WORDS.has(norm) || norm.endsWith("'ll")) cues.add('future');
    if (PAST_AUX.has(norm) || (norm.length > 4 && norm.endsWith('ed'))) cues.add('past');
    if (PERFECT_AUX.has(norm) && next !== undefined && (next.endsWith('ed') || next.endsWith('en') || next === 'been')) cues.add('perfect');
    if (COURTESY_WORDS.has(norm)) cues.add('courtesy');
    if (CAUSAL_WORDS.has(norm)) cues.add('causal');
    if (norm === 'not' || norm === 'never' || norm.endsWith("n't")) cues.add('negation');
  }
  if (numbers > 0) cues.add('number');
  if (numbers > 1) cues.add('numbers-2+');
  if (capitalised > 0) cues.add('name');
  if (capitalised > 2) cues.add('names-3+');
  const last = tokens[tokens.length - 1]?.norm;
  if (last === '?' || /\?\s*["')\]]*\s*$/.test(sentence)) {
    cues.add('question');
    if (tokens[0] && WH_WORDS.has(tokens[0].norm)) cues.add('wh-question');
  }
  if (last === '!') cues.add('exclamation');
  cues.add(words < 5 ? 'len<5' : words < 10 ? 'len<10' : words < 20 ? 'len<20' : words < 40 ? 'len<40' : 'len40+');
  return [...cues];
}

/**
 * Calls `visit` for every feature of the sentence. The same sentence always yields the same
 * features in the same order. A constant bias feature is not included (the model has its own).
 */
export function visitFeatures(sentence: string, config: FeatureConfig, visit: FeatureVisitor): void {
  const mask = (1 << config.hashBits) - 1;
  const tokens = tokenize(sentence);
  const norms = tokens.map((t) => t.norm);
  const { weights } = config;

  if (norms.length > 0 && weights.word > 0) {
    const v = weights.word / Math.sqrt(norms.length);
    for (const w of norms) emit(hashRange(w, 0, w.length, SEED_WORD), v, mask, visit);
  }

  if (config.bigrams && weights.bigram > 0) {
    // Sentence boundaries count as words so "thank you" at the start differs from mid-sentence.
    const padded = ['<s>', ...norms, '</s>'];
    const v = weights.bigram / Math.sqrt(padded.length - 1);
    for (let i = 0; i + 1 < padded.length; i++) {
      const pair = padded[i]! + ' ' + padded[i + 1]!;
      emit(hashRange(pair, 0, pair.length, SEED_BIGRAM), v, mask, visit);
    }
  }

  if (config.charMin > 0 && weights.char > 0) {
    let count = 0;
    const hashes: number[] = [];
    for (const w of norms) {
      if (w.startsWith('#')) continue;
      const marked = '<' + w + '>';
      for (let n = config.charMin; n <= config.charMax; n++) {
        for (let s = 0; s + n <= marked.length; s++) {
          hashes.push(hashRange(marked, s, s + n, SEED_CHAR));
          count++;
        }
      }
    }
    if (count > 0) {
      const v = weights.char / Math.sqrt(count);
      for (const h of hashes) emit(h, v, mask, visit);
    }
  }

  if (weights.cue > 0) {
    const cues = sentenceCues(sentence, tokens);
    for (const cue of cues) emit(hashRange(cue, 0, cue.length, SEED_CUE), weights.cue, mask, visit);
    if (config.cuePairs) {
      const v = weights.cue / Math.sqrt(cues.length);
      for (let a = 0; a < cues.length; a++) {
        for (let b = a + 1; b < cues.length; b++) {
          const pair = cues[a]! + '&' + cues[b]!;
          emit(hashRange(pair, 0, pair.length, SEED_CUE), v, mask, visit);
        }
      }
    }
  }
}

/** A sentence's features collected into parallel arrays (training, tests). */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export function extractFeatures(sentence: string, config: FeatureConfig): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  visitFeatures(sentence, config, (i, v) => {
    indices.push(i);
    values.push(v);
  });
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
}
