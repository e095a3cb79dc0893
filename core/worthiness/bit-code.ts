/**
 * Bit-level codes for the model's tables, packed as base64 inside a TypeScript module.
 *
 * Why not plain bytes: the content script ships gzipped, and gzip cannot see the byte structure
 * through base64, so a table of small numbers stored one per byte costs 4.5 bits per entry where its
 * entropy is 3 (the hashed weights), and a lexicon of bytes 22.5 bits per word. Codes for small
 * integers (Rice, exponential-Golomb) written bit by bit come within a few percent of the entropy,
 * and base64 of such dense bits is what gzip leaves alone: the model shrinks by a third for the same
 * numbers.
 */

/** Signed to unsigned so small magnitudes of either sign get short codes: 0, -1, 1, -2 … → 0, 1, 2, 3 … */
export function zigzag(value: number): number {
  return value >= 0 ? 2 * value : -2 * value - 1;
}

export function unzigzag(code: number): number {
  return code & 1 ? -(code + 1) / 2 : code / 2;
}

export class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  /** The `count` low bits of `value`, most significant first (count ≤ 24). */
  bits(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.bit((value >>> i) & 1);
  }

  /** `value` ones and a closing zero. */
  unary(value: number): void {
    for (let i = 0; i < value; i++) this.bit(1);
    this.bit(0);
  }

  /** Rice code of order k: value >> k in unary, then its k low bits. Best for geometric tails. */
  rice(value: number, k: number): void {
    this.unary(value >>> k);
    this.bits(value, k);
  }

  /** Exponential-Golomb code of order k: grows with log(value), so rare large values stay cheap. */
  expGolomb(value: number, k: number): void {
    const shifted = value + (1 << k);
    const length = 31 - Math.clz32(shifted);
    for (let i = k; i < length; i++) this.bit(0);
    this.bits(shifted, length + 1);
  }

  toBase64(): string {
    const bytes = [...this.bytes];
    if (this.used > 0) bytes.push(this.current << (8 - this.used));
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.slice(i, i + 0x8000));
    return btoa(binary);
  }

  private bit(b: number): void {
    this.current = (this.current << 1) | b;
    if (++this.used === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.used = 0;
    }
  }
}

export class BitReader {
  private readonly bytes: Uint8Array;
  private position = 0;

  constructor(base64: string) {
    const binary = atob(base64);
    this.bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) this.bytes[i] = binary.charCodeAt(i);
  }

  /** The next `count` bits (≤ 24) as a number, most significant first; a byte's worth at a time. */
  bits(count: number): number {
    if (this.position + count > this.bytes.length * 8) throw new Error('bit code: read past the end of the data');
    let value = 0;
    while (count > 0) {
      const left = 8 - (this.position & 7);
      const take = left < count ? left : count;
      const byte = this.bytes[this.position >>> 3]!;
      value = (value << take) | ((byte >>> (left - take)) & ((1 << take) - 1));
      this.position += take;
      count -= take;
    }
    return value >>> 0;
  }

  unary(): number {
    let value = 0;
    while (this.bit() === 1) value++;
    return value;
  }

  rice(k: number): number {
    const high = this.unary();
    return high * (1 << k) + this.bits(k);
  }

  expGolomb(k: number): number {
    let zeros = 0;
    while (this.bit() === 0) zeros++;
    // The leading 1 was the top bit of value + 2^k, which has zeros + k + 1 bits.
    const rest = this.bits(zeros + k);
    return (1 << (zeros + k)) + rest - (1 << k);
  }

  /** Checks that every whole byte was read (the last one may hold up to 7 padding bits). */
  end(): void {
    if (Math.ceil(this.position / 8) !== this.bytes.length) throw new Error('bit code: data left over after the last value');
  }

  private bit(): number {
    if (this.position >= this.bytes.length * 8) throw new Error('bit code: read past the end of the data');
    const byte = this.bytes[this.position >>> 3]!;
    const b = (byte >>> (7 - (this.position & 7))) & 1;
    this.position++;
    return b;
  }
}

/** The order k (0–7) with the shortest code for these values. */
export function bestOrder(values: ArrayLike<number>, cost: (value: number, k: number) => number): number {
  let best = 0;
  let bestBits = Infinity;
  for (let k = 0; k < 8; k++) {
    let total = 0;
    for (let i = 0; i < values.length; i++) total += cost(values[i]!, k);
    if (total < bestBits) {
      bestBits = total;
      best = k;
    }
  }
  return best;
}

export const riceLength = (value: number, k: number): number => (value >>> k) + 1 + k;
export const expGolombLength = (value: number, k: number): number => 2 * (31 - Math.clz32(value + (1 << k))) - k + 1;

/** Signed integers as a base64 exponential-Golomb code (the model's hashed weights). */
export interface SignedCode {
  count: number;
  /** Exponential-Golomb order. */
  order: number;
  code: string;
}

export function encodeSigned(values: ArrayLike<number>): SignedCode {
  const codes = Array.from(values, zigzag);
  const order = bestOrder(codes, expGolombLength);
  const writer = new BitWriter();
  for (const c of codes) writer.expGolomb(c, order);
  return { count: codes.length, order, code: writer.toBase64() };
}

/**
 * The integers back, as bytes: the model's weights are levels in -127…127 of one shared step, and a
 * byte each keeps the table a quarter of the size of floats (32 KB, not 128 KB, in every tab), so
 * more of it stays in the processor's cache while a page is scored.
 */
export function decodeSigned({ count, order, code }: SignedCode): Int8Array {
  const reader = new BitReader(code);
  const out = new Int8Array(count);
  for (let i = 0; i < count; i++) out[i] = unzigzag(reader.expGolomb(order));
  reader.end();
  return out;
}
