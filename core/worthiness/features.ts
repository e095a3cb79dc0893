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
 *  - the word lexicon (word-lexicon.ts): a learned value per common English word, averaged over
 *    the sentence's tokens (a mean, as training fits a weight vector on the mean of the words'
 *    embeddings); it is not hashed into the buckets but looked up in the model's own table.
 * Each text namespace is scaled to unit length so long sentences do not get larger scores just for
 * having more words; cues are plain 0/1 flags.
 */

import { finish, fnv, FNV_PRIME, hashString } from './hash';
import type { WordLexicon } from './word-lexicon';

export interface FeatureConfig {
  /** log2 of the hashed space size. */
  hashBits: number;
  /** Shortest and longest character n-gram taken inside a word (with boundary marks); 0 = none. */
  charMin: number;
  charMax: number;
  /** Whether to add word bigrams. */
  bigrams: boolean;
  /** Multipliers of each namespace (relative weight before regularisation). */
  weights: { word: number; bigram: number; char: number; cue: number };
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  hashBits: 15,
  charMin: 3,
  charMax: 3,
  bigrams: true,
  weights: { word: 1, bigram: 1, char: 1, cue: 0.5 },
};

/** Receives each feature: a bucket in [0, 2^hashBits) and a signed value. */
export type FeatureVisitor = (index: number, value: number) => void;

// Namespace seeds for the hash, so the word "more" and the bigram "more than" land in unrelated buckets.
const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x01000193;
const SEED_CHAR = 0x2545f491;
const SEED_CUE = 0x9e3779b9;

/** Sends a hashed feature: the top bit picks the sign, which keeps collisions from adding up. */
function emit(h: number, value: number, mask: number, visit: FeatureVisitor): void {
  visit(h & mask, h & 0x80000000 ? -value : value);
}

/**
 * Cue words, grouped. One map from word to a bit set of its groups keeps the per-token work to a
 * single lookup (the content script scores every sentence of a page).
 */
const CUE_WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['month', ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']],
  ['weekday', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']],
  ['number-word', ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'dozen', 'dozens', 'half', 'third', 'quarter', 'double', 'doubled', 'triple', 'tripled', 'twice']],
  ['scale-word', ['thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions']],
  ['money-word', ['dollar', 'dollars', 'cents', 'euros', 'pounds', 'budget', 'deficit', 'debt', 'tax', 'taxes', 'spending', 'spent', 'cost', 'costs', 'paid', 'funding']],
  ['rate-word', ['percent', 'percentage', 'per', 'rate', 'rates']],
  ['percent', ['percent', 'percentage']],
  ['comparative', ['more', 'less', 'fewer', 'than', 'higher', 'lower', 'larger', 'smaller', 'greater', 'increase', 'increased', 'decrease', 'decreased', 'rose', 'fell', 'cut', 'cuts', 'grew', 'doubled', 'dropped', 'reduced', 'raised']],
  ['than', ['than']],
  ['superlative', ['most', 'least', 'best', 'worst', 'largest', 'biggest', 'highest', 'lowest', 'ever', 'record', 'first', 'last', 'only']],
  ['attribution', ['said', 'says', 'say', 'told', 'according', 'reported', 'announced', 'claimed', 'claims', 'stated', 'described', 'estimated', 'estimates', 'confirmed', 'denied', 'admitted', 'testified', 'voted', 'signed', 'proposed']],
  ['first-singular', ['i', "i'm", "i've", "i'll", "i'd", 'me', 'my', 'mine', 'myself']],
  ['first-plural', ['we', "we're", "we've", "we'll", "we'd", 'us', 'our', 'ours', 'ourselves']],
  ['second-person', ['you', "you're", "you've", "you'll", "you'd", 'your', 'yours', 'yourself']],
  ['opinion', ['think', 'believe', 'feel', 'hope', 'want', 'wish', 'should', 'must', 'ought', 'need', 'needs', 'going', 'gonna', 'let', "let's", 'frankly', 'honestly', 'opinion', 'agree', 'disagree', 'wrong', 'right', 'great', 'terrible', 'good', 'bad']],
  ['future', ['will', 'would', 'going', 'shall', 'plan', 'plans', 'intend', 'promise']],
  ['past', ['was', 'were', 'had', 'did', "didn't", "wasn't", "weren't"]],
  ['courtesy', ['thank', 'thanks', 'applause', 'laughter', 'crosstalk', 'hello', 'welcome', 'congratulations', 'okay', 'ok', 'yes', 'no', 'well', 'sir', 'senator', 'governor', 'gentlemen', 'ladies']],
  ['causal', ['because', 'caused', 'causes', 'led', 'result', 'resulted', 'due', 'since', 'therefore', 'thanks']],
  ['negation', ['not', 'never']],
];
/** Words that only matter in context (not cues on their own). */
const PERFECT_AUX = 1 << 30;
const WH_WORD = 1 << 29;
const CONTEXT_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [PERFECT_AUX, ['has', 'have', "hasn't", "haven't", "'ve"]],
  [WH_WORD, ['what', 'why', 'how', 'who', 'when', 'where', 'which', 'do', 'does', 'did', 'is', 'are', 'can', 'could', 'would', 'will', 'should']],
];

/** Every cue name, in the order of their bits; the whole-sentence cues follow the word groups. */
const CUE_NAMES = [
  ...CUE_WORDS.map(([name]) => name),
  'year', 'money', 'quote-mark', 'name', 'names-3+', 'number', 'numbers-2+', 'perfect', 'question', 'wh-question', 'exclamation',
  'len<5', 'len<10', 'len<20', 'len<40', 'len40+',
] as const;
type CueName = (typeof CUE_NAMES)[number];
const CUE_BIT = new Map<string, number>(CUE_NAMES.map((name, i) => [name, i]));
const CUE_HASHES = CUE_NAMES.map((name) => hashString(name, SEED_CUE));

function bitOf(name: CueName): number {
  return CUE_BIT.get(name)!;
}

/** word -> bit mask of cue groups (bits below 29) and context roles. */
const LEXICON = new Map<string, number>();
CUE_WORDS.forEach(([name, words]) => {
  for (const w of words) LEXICON.set(w, (LEXICON.get(w) ?? 0) | (1 << bitOf(name as CueName)));
});
for (const [bit, words] of CONTEXT_WORDS) for (const w of words) LEXICON.set(w, (LEXICON.get(w) ?? 0) | bit);

const BIT_MONTH = 1 << bitOf('month');
const CUE_YEAR = bitOf('year');
const CUE_PERCENT = bitOf('percent');
const CUE_MONEY = bitOf('money');
const CUE_QUOTE_MARK = bitOf('quote-mark');
const CUE_PERFECT = bitOf('perfect');
const CUE_NUMBER = bitOf('number');
const CUE_NUMBERS_2 = bitOf('numbers-2+');
const CUE_NAME = bitOf('name');
const CUE_NAMES_3 = bitOf('names-3+');
const CUE_QUESTION = bitOf('question');
const CUE_WH_QUESTION = bitOf('wh-question');
const CUE_EXCLAMATION = bitOf('exclamation');
const CUE_LENGTH = [bitOf('len<5'), bitOf('len<10'), bitOf('len<20'), bitOf('len<40'), bitOf('len40+')] as const;
const BIT_NUMBER_WORD = 1 << bitOf('number-word');
const BIT_SUPERLATIVE = bitOf('superlative');
const BIT_PAST = bitOf('past');
const BIT_FUTURE = bitOf('future');
const BIT_NEGATION = bitOf('negation');
const CUE_MASK = (1 << 29) - 1;
/** "-est" words that are not superlatives. */
const NOT_SUPERLATIVE = /(?:interest|test|west|request|suggest|honest|protest|arrest|invest|forest|contest|modest|rest)$/;

/**
 * Words and numbers of a sentence, in order. Curly apostrophes and quotes are straightened; anything
 * else (dashes, the U+FFFD that damaged pages carry in place of dashes) separates tokens.
 */
const TOKEN_RE = /[A-Za-z]+(?:['\u2018\u2019\u02bc][A-Za-z]+)*|\d+(?:[.,]\d+)*|[%$€£?!"\u201c\u201d]/g;

export interface Token {
  /** Lower-cased word, or a shape such as #year for numbers, or the punctuation mark itself. */
  norm: string;
  /** The word as written (used for capitalisation cues). */
  raw: string;
}

function numberShape(raw: string): string {
  const plain = raw.replace(/,/g, '');
  if (plain.length === 4 && !plain.includes('.')) {
    const n = Number(plain);
    if (n >= 1800 && n <= 2099) return '#year';
  }
  if (plain.includes('.')) return '#dec';
  if (plain.length === 1) return '#d1';
  if (plain.length === 2) return '#d2';
  if (plain.length === 3) return '#d3';
  return '#dlong';
}

/** Whether a word has a capital or a curly apostrophe to fold (most words of a text have neither). */
function needsFolding(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c <= 90 || c > 122) return true; // A-Z, or a non-ASCII letter or apostrophe
  }
  return false;
}

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(sentence); m !== null; m = TOKEN_RE.exec(sentence)) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    let norm: string;
    if (c >= 48 && c <= 57) norm = numberShape(raw);
    else if (c === 0x201c || c === 0x201d) norm = '"';
    else norm = needsFolding(raw) ? raw.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'") : raw;
    tokens.push({ raw, norm });
  }
  return tokens;
}

/**
 * The cues a word brings wherever it stands: its word groups (LEXICON, context roles included) and
 * its suffix cues ("-est", "-ed", "'ll", "n't"). A function of the word alone, so scoring can keep
 * it per word (WordPart.cues).
 */
function wordCueBits(norm: string): number {
  let bits = LEXICON.get(norm) ?? 0;
  if (norm.length > 5 && norm.endsWith('est') && !NOT_SUPERLATIVE.test(norm)) bits |= 1 << BIT_SUPERLATIVE;
  if (norm.endsWith("'ll")) bits |= 1 << BIT_FUTURE;
  if (norm.length > 4 && norm.endsWith('ed')) bits |= 1 << BIT_PAST;
  if (norm.endsWith("n't")) bits |= 1 << BIT_NEGATION;
  return bits;
}

/**
 * Bit set of the cues of a sentence (index into CUE_NAMES). `wordCues[i]`, when given, is
 * wordCueBits of token i, already known.
 */
function cueBits(sentence: string, tokens: readonly Token[], wordCues?: readonly number[]): boolean[] {
  const on: boolean[] = new Array<boolean>(CUE_NAMES.length).fill(false);
  let numbers = 0;
  let capitalised = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const { norm, raw } = tokens[i]!;
    const c = norm.charCodeAt(0);
    if (c === 35 /* # */) {
      numbers++;
      if (norm === '#year') on[CUE_YEAR] = true;
      continue;
    }
    if (norm.length === 1 && (c < 97 || c > 122)) {
      if (norm === '%') on[CUE_PERCENT] = true;
      else if (norm === '$' || norm === '€' || norm === '£') on[CUE_MONEY] = true;
      else if (norm === '"') on[CUE_QUOTE_MARK] = true;
      continue;
    }
    words++;
    if (i > 0 && norm !== 'i') {
      const r0 = raw.charCodeAt(0);
      const r1 = raw.charCodeAt(1);
      if (r0 >= 65 && r0 <= 90 && r1 >= 97 && r1 <= 122) capitalised++;
    }
    let bits = wordCues ? wordCues[i]! : wordCueBits(norm);
    // Short month names ("may", "mar") count only when capitalised.
    if (bits & BIT_MONTH && norm.length <= 3 && !(raw.charCodeAt(0) >= 65 && raw.charCodeAt(0) <= 90)) bits &= ~BIT_MONTH;
    if (bits & BIT_NUMBER_WORD) numbers++;
    if (bits & PERFECT_AUX) {
      const next = tokens[i + 1]?.norm;
      if (next !== undefined && (next.endsWith('ed') || next.endsWith('en') || next === 'been')) on[CUE_PERFECT] = true;
    }
    for (let b = bits & CUE_MASK; b !== 0; b &= b - 1) on[31 - Math.clz32(b & -b)] = true;
  }
  if (numbers > 0) on[CUE_NUMBER] = true;
  if (numbers > 1) on[CUE_NUMBERS_2] = true;
  if (capitalised > 0) on[CUE_NAME] = true;
  if (capitalised > 2) on[CUE_NAMES_3] = true;
  const last = tokens[tokens.length - 1]?.norm;
  if (last === '?' || /\?["')\]\s]*$/.test(sentence)) {
    on[CUE_QUESTION] = true;
    const first = tokens[0];
    if (first && (LEXICON.get(first.norm) ?? 0) & WH_WORD) on[CUE_WH_QUESTION] = true;
  }
  if (last === '!') on[CUE_EXCLAMATION] = true;
  on[CUE_LENGTH[words < 5 ? 0 : words < 10 ? 1 : words < 20 ? 2 : words < 40 ? 3 : 4]] = true;
  return on;
}

/** Names of the 0/1 cues found in a sentence (for tests and for explaining scores). */
export function sentenceCues(sentence: string, tokens: readonly Token[] = tokenize(sentence)): string[] {
  const on = cueBits(sentence, tokens);
  return CUE_NAMES.filter((_, i) => on[i]);
}

/** Number of character n-grams of lengths [min, max] in a string of `length` characters. */
function ngramCount(length: number, min: number, max: number): number {
  let count = 0;
  for (let n = min; n <= max; n++) count += Math.max(0, length - n + 1);
  return count;
}

/** The feature hash of a word (unigram namespace). */
function unigramHash(word: string): number {
  return hashString(word, SEED_WORD);
}

/**
 * A bigram's hash state after its first word and the space that follows: the same for every bigram
 * the word starts, so scoring keeps it per word (WordPart.bigramPrefix).
 */
function bigramPrefix(word: string): number {
  return fnv(fnv(SEED_BIGRAM, word, 0, word.length), ' ', 0, 1);
}

/** The hash of the bigram whose first word left `prefix` (bigramPrefix) and whose second is `word`. */
function bigramHash(prefix: number, word: string): number {
  return finish(fnv(prefix, word, 0, word.length));
}

/** Sentence boundaries count as words, so "thank you" at the start differs from mid-sentence. */
const START_PREFIX = bigramPrefix('<s>');
const SENTENCE_END = '</s>';

/** Scratch for charGramHashes, reused: scoring runs for every sentence of a page. */
const GRAMS: number[] = [];

/**
 * Writes the hash of each character n-gram of "<w>" (the word with boundary marks) into GRAMS from 0,
 * shortest first per start, and returns how many.
 */
function charGramHashes(w: string, config: FeatureConfig): number {
  const length = w.length + 2;
  let n = 0;
  for (let s = 0; s + config.charMin <= length; s++) {
    // One rolling FNV state per start: each longer n-gram extends the shorter one.
    let h = SEED_CHAR;
    const stop = Math.min(length, s + config.charMax);
    for (let p = s; p < stop; p++) {
      const code = p === 0 ? 60 /* < */ : p === length - 1 ? 62 /* > */ : w.charCodeAt(p - 1);
      h = Math.imul(h ^ code, FNV_PRIME);
      if (p - s + 1 >= config.charMin) GRAMS[n++] = finish(h);
    }
  }
  return n;
}

/**
 * Calls `visit` for every feature of the sentence. The same sentence always yields the same
 * features in the same order. A constant bias feature is not included (the model has its own).
 */
export function visitFeatures(sentence: string, config: FeatureConfig, visit: FeatureVisitor): void {
  const mask = (1 << config.hashBits) - 1;
  const tokens = tokenize(sentence);
  const { weights } = config;
  const count = tokens.length;

  if (count > 0 && weights.word > 0) {
    const v = weights.word / Math.sqrt(count);
    for (const t of tokens) emit(unigramHash(t.norm), v, mask, visit);
  }

  if (config.bigrams && weights.bigram > 0) {
    const v = weights.bigram / Math.sqrt(count + 1);
    let prefix = START_PREFIX;
    for (let i = 0; i <= count; i++) {
      const word = i < count ? tokens[i]!.norm : SENTENCE_END;
      emit(bigramHash(prefix, word), v, mask, visit);
      prefix = bigramPrefix(word);
    }
  }

  if (config.charMin > 0 && weights.char > 0) {
    // Character n-grams of each word marked "<word>" (number shapes have none).
    const pieces = tokens.map((t) => t.norm).filter((w) => w.charCodeAt(0) !== 35);
    let total = 0;
    for (const w of pieces) total += ngramCount(w.length + 2, config.charMin, config.charMax);
    if (total > 0) {
      const v = weights.char / Math.sqrt(total);
      for (const w of pieces) {
        const n = charGramHashes(w, config);
        for (let g = 0; g < n; g++) emit(GRAMS[g]!, v, mask, visit);
      }
    }
  }

  if (weights.cue > 0) {
    const on = cueBits(sentence, tokens);
    for (let i = 0; i < on.length; i++) if (on[i]) emit(CUE_HASHES[i]!, weights.cue, mask, visit);
  }
}

/** What a word adds wherever it occurs, worked out once per text (featureDot's memo). */
export interface WordPart {
  /** Signed weight level of the word's unigram feature (featureDot multiplies by the step). */
  unigram: number;
  /** Σ signed weight levels of its character n-grams, and how many there are (none for number shapes). */
  chars: number;
  grams: number;
  /** bigramPrefix of the word. */
  bigramPrefix: number;
  /** wordCueBits of the word. */
  cues: number;
  /** The word's value in the model's WordLexicon (0 without one). */
  lexicon: number;
}

/** featureDot's per-text memo: one WordPart per distinct word. */
export type WordMemo = Map<string, WordPart>;

function wordPart(w: string, config: FeatureConfig, weights: Int8Array, mask: number, lexicon: WordLexicon | undefined): WordPart {
  let chars = 0;
  let grams = 0;
  if (config.charMin > 0 && w.charCodeAt(0) !== 35 /* # */) {
    grams = charGramHashes(w, config);
    for (let g = 0; g < grams; g++) chars += signedWeight(weights, mask, GRAMS[g]!);
  }
  return {
    unigram: signedWeight(weights, mask, unigramHash(w)),
    chars,
    grams,
    bigramPrefix: bigramPrefix(w),
    cues: wordCueBits(w),
    lexicon: lexicon ? lexicon.value(w) : 0,
  };
}

/**
 * Σ weight × value over the sentence's features: what visitFeatures would add up with a callback per
 * feature (a test checks that the two agree), computed a namespace at a time instead, since every
 * feature of a namespace has the same value. What each distinct word contributes (its unigram, its
 * character n-grams, the start of its bigram) is worked out once per `memo`: within an article the
 * same words come back sentence after sentence. `weights` holds one weight per hashed bucket as an
 * integer level: the weight is level × `step` (model.ts).
 */
export function featureDot(sentence: string, config: FeatureConfig, weights: Int8Array, step: number, memo: WordMemo = new Map(), lexicon?: WordLexicon): number {
  const mask = (1 << config.hashBits) - 1;
  const tokens = tokenize(sentence);
  const scale = config.weights;
  const count = tokens.length;
  let unigrams = 0;
  let lexical = 0;
  let bigrams = 0;
  let chars = 0;
  let grams = 0;
  let prefix = START_PREFIX;
  const wordCues: number[] = [];
  for (const t of tokens) {
    const w = t.norm;
    let part = memo.get(w);
    if (part === undefined) {
      part = wordPart(w, config, weights, mask, lexicon);
      memo.set(w, part);
    }
    unigrams += part.unigram;
    lexical += part.lexicon;
    chars += part.chars;
    grams += part.grams;
    bigrams += signedWeight(weights, mask, bigramHash(prefix, w));
    prefix = part.bigramPrefix;
    wordCues.push(part.cues);
  }
  bigrams += signedWeight(weights, mask, bigramHash(prefix, SENTENCE_END));

  let z = 0;
  if (count > 0 && scale.word > 0) z += unigrams * (scale.word / Math.sqrt(count));
  if (config.bigrams && scale.bigram > 0) z += bigrams * (scale.bigram / Math.sqrt(count + 1));
  if (config.charMin > 0 && scale.char > 0 && grams > 0) z += chars * (scale.char / Math.sqrt(grams));
  if (scale.cue > 0) {
    const on = cueBits(sentence, tokens, wordCues);
    let sum = 0;
    for (let i = 0; i < on.length; i++) if (on[i]) sum += signedWeight(weights, mask, CUE_HASHES[i]!);
    z += sum * scale.cue;
  }
  // The word lexicon: the mean of the tokens' values (word-lexicon.ts; its weight is in the values).
  return z * step + (count > 0 && lexicon ? lexical / count : 0);
}

/** The weight of a hashed feature with the sign its top bit gives (as emit sends it). */
function signedWeight(weights: Int8Array, mask: number, h: number): number {
  return h & 0x80000000 ? -weights[h & mask]! : weights[h & mask]!;
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
