/**
 * featureDot: Σ weight × value over a sentence's features, the shipped scorer's linear sum. The
 * features are defined by visitFeatures (features.ts), which training uses. Tests check that the two
 * agree on the news fixture's sentences and 5,000 random strings to 9 decimal places, not bit for bit:
 * featureDot adds up each namespace's integer levels before scaling them, so it sums in another order.
 * The shipped scores themselves are held bit for bit by tests/unit/worthiness-golden.test.ts.
 *
 * The content script scores every sentence of a page, and most of a page's run is spent in the
 * engine's middle tier, where every allocation and call shows. So featureDot reads the sentence once,
 * character by character, tokenising as TOKEN_RE does and hashing as it goes, with no token objects
 * and no substrings: a word it met before in the text (WordMemo) costs its characters and one table
 * lookup. What a word adds wherever it stands (its unigram, its character n-grams, its cues, its
 * lexicon value, the start of the bigrams it opens) is worked out once per text, from the characters
 * too. Only numbers, marks and the rare "-est" word are made into strings.
 */
import { BIT_MONTH, BIT_NUMBER_WORD, CUE_HASHES, CUE_MASK, CUE_MONEY, CUE_PERCENT, CUE_PERFECT, CUE_QUOTE_MARK, CUE_YEAR, ENDS_AS_QUESTION, isLower, isUpper, lengthCue, PARTICIPLE, PERFECT_AUX, sameFolded, sentenceCueBits, WH_WORD, wordCueBitsAt } from './cues';
import { bigramHash, charGramHashes, GRAMS, MARKED, markWord, numberShape, SENTENCE_END, START_PREFIX, type FeatureConfig } from './features';
import { finish, fnv, FNV_PRIME, SEED_BIGRAM, SEED_WORD, tableSlot } from './hash';
import { LEXICON_SEED, type WordLexicon } from './word-lexicon';

/** What a word adds wherever it occurs, in weight levels (featureDot multiplies by the step). */
interface WordPart {
  /** The word's memo key (memoKey of its FNV state with SEED_WORD). */
  key: number;
  /** The word as it was first written (the memo outlives the sentence it was read from). */
  word: string;
  /** Signed level of its unigram feature. */
  unigram: number;
  /** Σ signed levels of its character n-grams, and how many there are (none for number shapes). */
  chars: number;
  grams: number;
  /** Hash state of a bigram after this word and a space. */
  bigramPrefix: number;
  /** wordCueBitsAt of the word. */
  cues: number;
  /** Its value level in the model's WordLexicon (value = level × the lexicon's step; 0 without one). */
  lexiconLevel: number;
}

/**
 * A word's memo key: its FNV state cut to 30 bits. A full 32-bit state is not one of the engine's
 * small integers, so passing it to a call boxed it in a heap number, once for every token of a page.
 * Two words that share a key are still told apart by their characters.
 */
const memoKey = (state: number): number => state & 0x3fffffff;

/**
 * The words met so far, found by their key (an open-addressing table of entry numbers) and told apart
 * by their characters, so a hash collision never mixes two words. What a word adds is a property of
 * the word and the model alone, so one memo serves every text the model scores (WorthinessModel keeps
 * it for the page's lifetime). Bounded: past `capacity` words it starts afresh. The table is a plain
 * array: a typed array is allocated outside the JavaScript heap, which cost more when it was made for
 * each run.
 */
export class WordMemo {
  private parts: WordPart[] = [];
  private slots: number[] = new Array<number>(1024).fill(0);

  constructor(readonly capacity = Infinity) {}

  get size(): number {
    return this.parts.length;
  }

  find(key: number, src: string, start: number, length: number): WordPart | undefined {
    const mask = this.slots.length - 1;
    for (let s = tableSlot(key, mask), e = this.slots[s]!; e !== 0; s = (s + 1) & mask, e = this.slots[s]!) {
      const part = this.parts[e - 1]!;
      if (part.key === key && part.word.length === length && sameFolded(part.word, 0, src, start, length)) return part;
    }
    return undefined;
  }

  add(part: WordPart): void {
    if (this.parts.length >= this.capacity) {
      this.parts = [];
      this.slots = new Array<number>(1024).fill(0);
    }
    this.parts.push(part);
    if (this.parts.length * 2 > this.slots.length) {
      this.slots = new Array<number>(this.slots.length * 2).fill(0);
      this.parts.forEach((p, e) => this.place(p.key, e));
    } else this.place(part.key, this.parts.length - 1);
  }

  private place(key: number, entry: number): void {
    const mask = this.slots.length - 1;
    let s = tableSlot(key, mask);
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = entry + 1;
  }
}

/** The weight level of a hashed feature with the sign its top bit gives (as visitFeatures emits it). */
function signedLevel(levels: Int8Array, mask: number, h: number): number {
  return h & 0x80000000 ? -levels[h & mask]! : levels[h & mask]!;
}

/** The memo's part for src[start, +length), worked out and added when the memo lacks it. */
function partOf(memo: WordMemo, src: string, start: number, length: number, key: number, config: FeatureConfig, levels: Int8Array, mask: number, lexicon: WordLexicon | undefined): WordPart {
  let part = memo.find(key, src, start, length);
  if (part === undefined) {
    part = wordPart(src, start, length, key, config, levels, mask, lexicon);
    memo.add(part);
  }
  return part;
}

/**
 * The WordPart of src[start, +length) (a word as written, or a number's or mark's norm), under the
 * memo key `key`: its characters are folded and marked once (markWord), then hashed for its unigram
 * and cues, the lexicon, the bigram prefix and the n-grams.
 */
function wordPart(src: string, start: number, length: number, key: number, config: FeatureConfig, levels: Int8Array, mask: number, lexicon: WordLexicon | undefined): WordPart {
  const marked = markWord(src, start, length);
  // The word's FNV state (featureDot read it too, but passes only its memo key), the lexicon's hash
  // of the word and the bigram prefix it leaves, from its folded codes.
  let state = SEED_WORD;
  let lexiconHash = LEXICON_SEED;
  let prefix = SEED_BIGRAM;
  for (let k = 1; k <= length; k++) {
    state = Math.imul(state ^ MARKED[k]!, FNV_PRIME);
    lexiconHash = Math.imul(lexiconHash ^ MARKED[k]!, FNV_PRIME);
    prefix = Math.imul(prefix ^ MARKED[k]!, FNV_PRIME);
  }
  // Character n-grams; number shapes (#year…) have none.
  let chars = 0;
  let grams = 0;
  if (config.charMin > 0 && MARKED[1] !== 35) {
    grams = charGramHashes(marked, config);
    for (let g = 0; g < grams; g++) chars += signedLevel(levels, mask, GRAMS[g]!);
  }
  return {
    key,
    // The word's own characters, not the sentence's (a copy unless the whole source is the word).
    word: start === 0 && length === src.length ? src : src.slice(start, start + length),
    unigram: signedLevel(levels, mask, finish(state)),
    chars,
    grams,
    bigramPrefix: Math.imul(prefix ^ 32 /* space */, FNV_PRIME),
    cues: wordCueBitsAt(src, start, length, state),
    lexiconLevel: lexicon ? lexicon.levelOfHash(finish(lexiconHash)) : 0,
  };
}

/**
 * The sentence's sum of lexicon values, kept in a typed array's one cell rather than in a local: the
 * engine's mid tier, which runs featureDot on most pages, kept that local boxed and allocated a heap
 * number for every token (12 bytes a token, sampling heap profiler on the seed page). Same additions in the same order.
 */
const lexicalSum = new Float64Array(1);

/** What a character can start: 1 a word, 2 a number, 3 a mark (TOKEN_RE's three alternatives). */
const STARTS = new Uint8Array(128);
for (let c = 65; c <= 122; c++) if (c <= 90 || c >= 97) STARTS[c] = 1;
for (let c = 48; c <= 57; c++) STARTS[c] = 2;
for (const mark of '%$?!"') STARTS[mark.charCodeAt(0)] = 3;
const startsAt = (c: number): number => (c < 128 ? STARTS[c]! : c === 0x20ac || c === 0xa3 || c === 0x201c || c === 0x201d ? 3 : 0);
const isLetter = (c: number): boolean => c < 128 && STARTS[c] === 1;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2018 || c === 0x2019 || c === 0x02bc;

/** A character that starts a token (a global pattern: test() leaves lastIndex just past it). */
const NEXT_TOKEN = /[A-Za-z\d%$?!"\u20ac\u00a3\u201c\u201d]/g;

/** The norm of a mark token (curly quotes are straightened). */
const markNorm = (c: number): string => (c === 0x201c || c === 0x201d ? '"' : String.fromCharCode(c));

/**
 * Σ weight × value over the sentence's features (see the top of this file). `levels` holds one weight
 * per hashed bucket as an integer level: the weight is level × `step` (model.ts). `memo` is the text's
 * word memo; pass the same one for the sentences of one text.
 */
export function featureDot(sentence: string, config: FeatureConfig, levels: Int8Array, step: number, memo: WordMemo = new WordMemo(), lexicon?: WordLexicon): number {
  const mask = (1 << config.hashBits) - 1;
  const length = sentence.length;
  let count = 0;
  let unigrams = 0;
  lexicalSum[0] = 0;
  const lexiconStep = lexicon ? lexicon.data.step : 0;
  let bigrams = 0;
  let chars = 0;
  let grams = 0;
  let prefix = START_PREFIX;
  // Cue i of CUE_NAMES found so far is bit i (the length cue, the only one past bit 30, comes last).
  let cues = 0;
  let numbers = 0;
  let capitalised = 0;
  let words = 0;
  let auxiliary = false; // the token before was "has", "have"…
  let whFirst = false;
  let lastMark = 0; // the last token, when it is a mark

  for (let i = 0; i < length; ) {
    const c0 = sentence.charCodeAt(i);
    const kind = startsAt(c0);
    if (kind === 0) {
      if (c0 < 128) i++;
      else {
        // Past a run of other scripts' letters in one native search, not a character at a time.
        NEXT_TOKEN.lastIndex = i + 1;
        i = NEXT_TOKEN.test(sentence) ? NEXT_TOKEN.lastIndex - 1 : length;
      }
      continue;
    }
    let part: WordPart;
    if (kind === 1) {
      // A word: letters, and more letters after each inner apostrophe. Its key and its bigram are
      // hashed as it is read.
      const start = i;
      let key = SEED_WORD;
      let bigram = prefix;
      for (let c = c0; ; ) {
        if (c <= 90) c += 32;
        key = Math.imul(key ^ c, FNV_PRIME);
        bigram = Math.imul(bigram ^ c, FNV_PRIME);
        c = sentence.charCodeAt(++i);
        if (isLetter(c)) continue;
        if (!isApostrophe(c) || !isLetter(sentence.charCodeAt(i + 1))) break;
        key = Math.imul(key ^ 39, FNV_PRIME);
        bigram = Math.imul(bigram ^ 39, FNV_PRIME);
        c = sentence.charCodeAt(++i);
      }
      const n = i - start;
      part = partOf(memo, sentence, start, n, memoKey(key), config, levels, mask, lexicon);
      bigrams += signedLevel(levels, mask, finish(bigram));

      words++;
      const upper = isUpper(c0);
      if (count > 0 && upper && isLower(sentence.charCodeAt(start + 1))) capitalised++; // "I" is not a name: one letter
      let bits = part.cues;
      if (bits & BIT_MONTH && n <= 3 && !upper) bits &= ~BIT_MONTH;
      if (bits & BIT_NUMBER_WORD) numbers++;
      if (auxiliary && bits & PARTICIPLE) cues |= 1 << CUE_PERFECT;
      auxiliary = (bits & PERFECT_AUX) !== 0;
      if (count === 0 && bits & WH_WORD) whFirst = true;
      cues |= bits & CUE_MASK;
      lastMark = 0;
    } else {
      // A number (digits, with inner points or commas) or a mark: few in a text, read as strings.
      let norm: string;
      if (kind === 2) {
        const start = i;
        for (;;) {
          while (isDigit(sentence.charCodeAt(++i)));
          const c = sentence.charCodeAt(i);
          if ((c === 46 || c === 44) && isDigit(sentence.charCodeAt(i + 1))) continue;
          break;
        }
        norm = numberShape(sentence.slice(start, i));
        numbers++;
        if (norm === '#year') cues |= 1 << CUE_YEAR;
        lastMark = 0;
      } else {
        i++;
        norm = markNorm(c0);
        if (norm === '%') cues |= 1 << CUE_PERCENT;
        else if (norm === '"') cues |= 1 << CUE_QUOTE_MARK;
        else if (norm !== '?' && norm !== '!') cues |= 1 << CUE_MONEY;
        lastMark = c0;
      }
      part = partOf(memo, norm, 0, norm.length, memoKey(fnv(SEED_WORD, norm, 0, norm.length)), config, levels, mask, lexicon);
      bigrams += signedLevel(levels, mask, bigramHash(prefix, norm));
      auxiliary = false;
    }
    count++;
    unigrams += part.unigram;
    lexicalSum[0] += part.lexiconLevel * lexiconStep;
    chars += part.chars;
    grams += part.grams;
    prefix = part.bigramPrefix;
  }
  bigrams += signedLevel(levels, mask, bigramHash(prefix, SENTENCE_END));

  const scale = config.weights;
  let z = 0;
  if (count > 0 && scale.word > 0) z += unigrams * (scale.word / Math.sqrt(count));
  if (config.bigrams && scale.bigram > 0) z += bigrams * (scale.bigram / Math.sqrt(count + 1));
  if (config.charMin > 0 && scale.char > 0 && grams > 0) z += chars * (scale.char / Math.sqrt(grams));
  if (scale.cue > 0) {
    cues |= sentenceCueBits(numbers, capitalised, lastMark === 63 || ENDS_AS_QUESTION.test(sentence), whFirst, lastMark === 33);
    const lengthBit = lengthCue(words);
    let sum = 0;
    for (let b = cues; b !== 0; b &= b - 1) sum += signedLevel(levels, mask, CUE_HASHES[31 - Math.clz32(b & -b)]!);
    sum += signedLevel(levels, mask, CUE_HASHES[lengthBit]!);
    z += sum * scale.cue;
  }
  // The word lexicon: the mean of the tokens' values (word-lexicon.ts; its weight is in the values).
  return z * step + (count > 0 && lexicon ? lexicalSum[0]! / count : 0);
}
