/**
 * The cues a fact-checker looks for, as the check-worthiness features name them (features.ts): word
 * groups (months, numbers in words, attribution verbs, first person, opinion markers…), what a word's
 * ending says ("-est", "-ed", "n't"), and cues of the whole sentence (a year, a percent sign, a quote
 * mark, capitalised names, a question, its length).
 *
 * A word's cues are found by its FNV state with SEED_WORD (the key featureDot reads a word into) in a
 * small open-addressing table rather than a Map of strings: the shipped scorer (feature-dot.ts) makes
 * no string of the words it reads (only numbers, marks and the rare "-est" word become strings), and
 * it has that key already.
 */
import { MONTHS, WEEKDAYS, words } from '../claims/lexicon';
import { fnv, hashString, SEED_CUE, SEED_WORD, tableSlot } from './hash';

/**
 * Cue words, grouped (space-separated, as core/claims/lexicon.ts keeps its lists: smaller once
 * minified; the months and weekdays are its lists). A word gets one bit set of its groups.
 */
const CUE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['month', MONTHS.toLowerCase()],
  ['weekday', WEEKDAYS.toLowerCase()],
  ['number-word', 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds dozen dozens half third quarter double doubled triple tripled twice'],
  ['scale-word', 'thousand thousands million millions billion billions trillion trillions'],
  ['money-word', 'dollar dollars cents euros pounds budget deficit debt tax taxes spending spent cost costs paid funding'],
  ['rate-word', 'percent percentage per rate rates'],
  ['percent', 'percent percentage'],
  ['comparative', 'more less fewer than higher lower larger smaller greater increase increased decrease decreased rose fell cut cuts grew doubled dropped reduced raised'],
  ['than', 'than'],
  ['superlative', 'most least best worst largest biggest highest lowest ever record first last only'],
  ['attribution', 'said says say told according reported announced claimed claims stated described estimated estimates confirmed denied admitted testified voted signed proposed'],
  ['first-singular', "i i'm i've i'll i'd me my mine myself"],
  ['first-plural', "we we're we've we'll we'd us our ours ourselves"],
  ['second-person', "you you're you've you'll you'd your yours yourself"],
  ['opinion', "think believe feel hope want wish should must ought need needs going gonna let let's frankly honestly opinion agree disagree wrong right great terrible good bad"],
  ['future', 'will would going shall plan plans intend promise'],
  ['past', "was were had did didn't wasn't weren't"],
  ['courtesy', 'thank thanks applause laughter crosstalk hello welcome congratulations okay ok yes no well sir senator governor gentlemen ladies'],
  ['causal', 'because caused causes led result resulted due since therefore thanks'],
  ['negation', 'not never'],
];
/** Words that only matter in context (not cues on their own). */
export const PERFECT_AUX = 1 << 30;
export const WH_WORD = 1 << 29;
const CONTEXT_WORDS: ReadonlyArray<readonly [number, string]> = [
  [PERFECT_AUX, "has have hasn't haven't 've"],
  [WH_WORD, 'what why how who when where which do does did is are can could would will should'],
];

/** Every cue name, in the order of their bits; the whole-sentence cues follow the word groups. */
export const CUE_NAMES = [
  ...CUE_WORDS.map(([name]) => name),
  'year', 'money', 'quote-mark', 'name', 'names-3+', 'number', 'numbers-2+', 'perfect', 'question', 'wh-question', 'exclamation',
  'len<5', 'len<10', 'len<20', 'len<40', 'len40+',
] as const;
type CueName = (typeof CUE_NAMES)[number];
const CUE_BIT = new Map<string, number>(CUE_NAMES.map((name, i) => [name, i]));
/** The feature hash of each cue, by its index in CUE_NAMES. */
export const CUE_HASHES = CUE_NAMES.map((name) => hashString(name, SEED_CUE));

function bitOf(name: CueName): number {
  return CUE_BIT.get(name)!;
}

export const BIT_MONTH = 1 << bitOf('month');
export const BIT_NUMBER_WORD = 1 << bitOf('number-word');
const BIT_SUPERLATIVE = 1 << bitOf('superlative');
const BIT_PAST = 1 << bitOf('past');
const BIT_FUTURE = 1 << bitOf('future');
const BIT_NEGATION = 1 << bitOf('negation');
export const CUE_YEAR = bitOf('year');
export const CUE_PERCENT = bitOf('percent');
export const CUE_MONEY = bitOf('money');
export const CUE_QUOTE_MARK = bitOf('quote-mark');
export const CUE_PERFECT = bitOf('perfect');
const CUE_NUMBER = bitOf('number');
const CUE_NUMBERS_2 = bitOf('numbers-2+');
const CUE_NAME = bitOf('name');
const CUE_NAMES_3 = bitOf('names-3+');
const CUE_QUESTION = bitOf('question');
const CUE_WH_QUESTION = bitOf('wh-question');
const CUE_EXCLAMATION = bitOf('exclamation');
const CUE_LENGTH = [bitOf('len<5'), bitOf('len<10'), bitOf('len<20'), bitOf('len<40'), bitOf('len40+')] as const;
/** The length cue of a sentence of `words` words. */
export const lengthCue = (words: number): number => CUE_LENGTH[words < 5 ? 0 : words < 10 ? 1 : words < 20 ? 2 : words < 40 ? 3 : 4];
/** Bits of a word's cue groups (the groups take the low bits; the roles below sit above them). */
export const CUE_MASK = (1 << 28) - 1;
/** A role of the word, not a cue: it ends like a participle ("-ed", "-en", "been"), for 'perfect'. */
export const PARTICIPLE = 1 << 28;
/** A question mark that only closing quotes, brackets or spaces follow. */
export const ENDS_AS_QUESTION = /\?["')\]\s]*$/;
export const isUpper = (c: number): boolean => c >= 65 && c <= 90;
export const isLower = (c: number): boolean => c >= 97 && c <= 122;

/**
 * The cues of the whole sentence, as bits of CUE_NAMES, from what its tokens gave: how many numbers
 * (digits or number words) and capitalised words, whether it asks (and opens with a wh-word) and
 * whether it exclaims. Its length cue is lengthCue(words).
 */
export function sentenceCueBits(numbers: number, capitalised: number, asks: boolean, whFirst: boolean, exclaims: boolean): number {
  let bits = 0;
  if (numbers > 0) bits |= 1 << CUE_NUMBER;
  if (numbers > 1) bits |= 1 << CUE_NUMBERS_2;
  if (capitalised > 0) bits |= 1 << CUE_NAME;
  if (capitalised > 2) bits |= 1 << CUE_NAMES_3;
  if (asks) bits |= whFirst ? (1 << CUE_QUESTION) | (1 << CUE_WH_QUESTION) : 1 << CUE_QUESTION;
  if (exclaims) bits |= 1 << CUE_EXCLAMATION;
  return bits;
}

/** "-est" words that are not superlatives. */
const NOT_SUPERLATIVE = /(?:interest|test|west|request|suggest|honest|protest|arrest|invest|forest|contest|modest|rest)$/;

/** A character as words are compared: A–Z lower-cased, curly apostrophes straightened. */
export function foldChar(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  return c === 0x2018 || c === 0x2019 || c === 0x02bc ? 39 : c;
}

/** Whether a[aStart, +length) and b[bStart, +length) are the same word once folded. */
export function sameFolded(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    const x = a.charCodeAt(aStart + k);
    const y = b.charCodeAt(bStart + k);
    // Equal characters need no folding: the common case, and two calls fewer a character where the
    // engine runs this uncompiled.
    if (x !== y && foldChar(x) !== foldChar(y)) return false;
  }
  return true;
}

/** Slot (+1) of each cue word in CUE_WORD_SLOTS, keyed by the FNV state of the word (SEED_WORD). */
const CUE_WORD_SLOTS = new Int32Array(1024);
const cueWords: string[] = [];
const cueWordBits: number[] = [];
const CUE_SLOT_MASK = CUE_WORD_SLOTS.length - 1;

function addCueWord(word: string, bits: number): void {
  const key = fnv(SEED_WORD, word, 0, word.length);
  let s = tableSlot(key, CUE_SLOT_MASK);
  for (let e = CUE_WORD_SLOTS[s]!; e !== 0; s = (s + 1) & CUE_SLOT_MASK, e = CUE_WORD_SLOTS[s]!) {
    if (cueWords[e - 1] === word) {
      cueWordBits[e - 1]! |= bits;
      return;
    }
  }
  CUE_WORD_SLOTS[s] = cueWords.push(word);
  cueWordBits.push(bits);
}
for (const [name, list] of CUE_WORDS) for (const w of words(list)) addCueWord(w, 1 << bitOf(name as CueName));
for (const [bit, list] of CONTEXT_WORDS) for (const w of words(list)) addCueWord(w, bit);

/**
 * The cues a word brings wherever it stands: its groups and context roles, its suffix cues ("-est",
 * "-ed", "'ll", "n't") and whether it ends like a participle. The word is src[start, +length) as
 * written (foldChar makes it its token norm), and `key` its FNV state with SEED_WORD.
 */
export function wordCueBitsAt(src: string, start: number, length: number, key: number): number {
  let bits = 0;
  for (let s = tableSlot(key, CUE_SLOT_MASK), e = CUE_WORD_SLOTS[s]!; e !== 0; s = (s + 1) & CUE_SLOT_MASK, e = CUE_WORD_SLOTS[s]!) {
    const word = cueWords[e - 1]!;
    if (word.length === length && sameFolded(word, 0, src, start, length)) {
      bits = cueWordBits[e - 1]!;
      break;
    }
  }
  if (length < 2) return bits;
  // The last three characters, folded (the third is 0 in a word of two: nothing before it counts).
  const end = start + length;
  const last = foldChar(src.charCodeAt(end - 1));
  const second = foldChar(src.charCodeAt(end - 2));
  const third = length > 2 ? foldChar(src.charCodeAt(end - 3)) : 0;
  if (second === 101 && (last === 100 || last === 110) /* -ed, -en (been) */) {
    bits |= PARTICIPLE;
    if (last === 100 && length > 4) bits |= BIT_PAST;
  }
  if (third === 101 && second === 115 && last === 116 /* -est */ && length > 5) {
    if (!NOT_SUPERLATIVE.test(src.slice(start, end).toLowerCase())) bits |= BIT_SUPERLATIVE;
  }
  if (third === 39 && second === 108 && last === 108 /* 'll */) bits |= BIT_FUTURE;
  if (third === 110 && second === 39 && last === 116 /* n't */) bits |= BIT_NEGATION;
  return bits;
}

/** wordCueBitsAt of a token norm. */
export function wordCueBits(norm: string): number {
  return wordCueBitsAt(norm, 0, norm.length, fnv(SEED_WORD, norm, 0, norm.length));
}
