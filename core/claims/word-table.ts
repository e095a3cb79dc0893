/**
 * Words → bit sets, found by the hash a plain token already carries (Token.hash, wordHash): a lookup
 * is a few integer comparisons, and the token's own characters are compared only when the hash
 * matches. A Map keyed by the token's string had to hash every fresh token string first, which was
 * the claim gate's main cost on short pages. One table is read one way: `bitsOf` in any case (its
 * words lower-case), or `exactBitsOf` as written.
 */
import { tableSlot } from '../worthiness/hash';
import { foldAscii, wordHash } from './tokens';

export class WordTable {
  private hashes = new Int32Array(64);
  private words: string[] = new Array<string>(64).fill('');
  private bits = new Int32Array(64);
  private count = 0;

  /** Adds `bits` to `word`'s. */
  add(word: string, bits: number): void {
    // A plain token whose hash is 0 is taken for one that is not plain (Token.hash), so such a word
    // could never be found through a token.
    if (wordHash(word) === 0) throw new Error(`word table: "${word}" hashes to 0`);
    const slot = this.slotOf(wordHash(word), word);
    if (this.words[slot] === '') {
      if ((this.count + 1) * 2 > this.hashes.length) {
        this.grow();
        this.add(word, bits);
        return;
      }
      this.hashes[slot] = wordHash(word);
      this.words[slot] = word;
      this.count++;
    }
    this.bits[slot]! |= bits;
  }

  /**
   * The bits of the word s[from, to), in any case, whose wordHash is `hash`; 0 for a word not in the
   * table. Its characters are compared only with a word of the same hash.
   */
  bitsOf(hash: number, s: string, from: number, to: number): number {
    const mask = this.hashes.length - 1;
    for (let slot = tableSlot(hash, mask); ; slot = (slot + 1) & mask) {
      const held = this.words[slot]!;
      if (held === '') return 0;
      if (this.hashes[slot] === hash && sameLowerCase(held, s, from, to)) return this.bits[slot]!;
    }
  }

  /** The bits of `word` exactly as written (a word with a capital is not its lower-case entry); `hash`: its wordHash. */
  exactBitsOf(hash: number, word: string): number {
    return this.bits[this.slotOf(hash, word)]!; // an empty slot's bits are 0
  }

  /** The slot holding `word`, or the empty slot where it would go. */
  private slotOf(hash: number, word: string): number {
    const mask = this.hashes.length - 1;
    for (let slot = tableSlot(hash, mask); ; slot = (slot + 1) & mask) {
      const held = this.words[slot]!;
      if (held === '' || (this.hashes[slot] === hash && held === word)) return slot;
    }
  }

  private grow(): void {
    const entries = this.words.map((word, slot) => [word, this.bits[slot]!] as const).filter(([word]) => word !== '');
    const size = this.hashes.length * 2;
    this.hashes = new Int32Array(size);
    this.words = new Array<string>(size).fill('');
    this.bits = new Int32Array(size);
    this.count = 0;
    for (const [word, bits] of entries) this.add(word, bits);
  }
}

/** Whether s[from, to) is `lower` with A–Z in either case. */
function sameLowerCase(lower: string, s: string, from: number, to: number): boolean {
  if (to - from !== lower.length) return false;
  for (let i = from; i < to; i++) {
    if (foldAscii(s.charCodeAt(i)) !== lower.charCodeAt(i - from)) return false;
  }
  return true;
}
