import { describe, expect, it } from 'vitest';
import {
  BitReader,
  BitWriter,
  bestOrder,
  decodeSigned,
  encodeSigned,
  expGolombLength,
  riceLength,
  unzigzag,
  zigzag,
} from '../../core/worthiness/bit-code';

describe('zigzag', () => {
  it.each([
    [0, 0],
    [-1, 1],
    [1, 2],
    [-2, 3],
    [2, 4],
    [-127, 253],
    [127, 254],
  ])('maps %i to %i and back', (value, code) => {
    expect(zigzag(value)).toBe(code);
    expect(unzigzag(code)).toBe(value);
  });
});

describe('bit codes', () => {
  it.each([
    // value, order, the bits written
    ['rice', 0, 0, '0'],
    ['rice', 3, 0, '1110'],
    ['rice', 5, 2, '1001'],
    ['rice', 0, 2, '000'],
    ['expGolomb', 0, 0, '1'],
    ['expGolomb', 1, 0, '010'],
    ['expGolomb', 2, 0, '011'],
    ['expGolomb', 3, 0, '00100'],
    ['expGolomb', 0, 1, '10'],
    ['expGolomb', 2, 1, '0100'],
  ] as const)('%s(%i, order %i) is %s', (code, value, order, bits) => {
    const writer = new BitWriter();
    writer[code](value, order);
    const length = code === 'rice' ? riceLength : expGolombLength;
    expect(length(value, order)).toBe(bits.length);
    // Padded with zeros to a whole byte: the written bits, and then only zeros.
    const written = new BitReader(writer.toBase64());
    expect(written.bits(bits.length).toString(2).padStart(bits.length, '0')).toBe(bits);
    expect(written.bits(8 - bits.length)).toBe(0);
    written.end();
  });

  it('reads back a mixed stream of codes', () => {
    const writer = new BitWriter();
    const values = Array.from({ length: 500 }, (_, i) => (i * 7919) % 300);
    for (const [i, v] of values.entries()) {
      writer.unary(v % 5);
      writer.bits(v, 9);
      writer.rice(v, i % 4);
      writer.expGolomb(v, i % 3);
    }
    const reader = new BitReader(writer.toBase64());
    for (const [i, v] of values.entries()) {
      expect(reader.unary()).toBe(v % 5);
      expect(reader.bits(9)).toBe(v);
      expect(reader.rice(i % 4)).toBe(v);
      expect(reader.expGolomb(i % 3)).toBe(v);
    }
    reader.end();
  });

  it('reads long codes and long runs, at every bit offset', () => {
    // Codes that cross several bytes, whatever bit of a byte they start at.
    for (let offset = 0; offset < 8; offset++) {
      const writer = new BitWriter();
      writer.bits(0, offset);
      writer.unary(70);
      writer.expGolomb(5_000_000, 0); // 22 zeros, then 23 bits
      writer.expGolomb(3_000_000, 2); // 20 zeros, then 23 bits
      writer.unary(31);
      writer.unary(32);
      writer.rice(100, 3);
      const reader = new BitReader(writer.toBase64());
      expect(reader.bits(offset)).toBe(0);
      expect(reader.unary()).toBe(70);
      expect(reader.expGolomb(0)).toBe(5_000_000);
      expect(reader.expGolomb(2)).toBe(3_000_000);
      expect(reader.unary()).toBe(31);
      expect(reader.unary()).toBe(32);
      expect(reader.rice(3)).toBe(100);
    }
  });

  it('throws instead of reading past the end', () => {
    const writer = new BitWriter();
    writer.bits(1, 3);
    const reader = new BitReader(writer.toBase64());
    reader.bits(8);
    expect(() => reader.bits(1)).toThrow(/past the end/);
    // A stream of zeros never closes an exponential-Golomb prefix.
    expect(() => new BitReader(btoa('\0\0')).expGolomb(0)).toThrow(/past the end/);
    // Nor does a stream of ones close a unary code.
    expect(() => new BitReader(btoa('\xff\xff\xff\xff\xff')).unary()).toThrow(/past the end/);
  });

  it('picks the order with the shortest code', () => {
    expect(bestOrder([0, 0, 1, 0], riceLength)).toBe(0);
    expect(bestOrder([40, 50, 60, 45], riceLength)).toBe(5);
  });
});

describe('encodeSigned', () => {
  it('round-trips signed levels, and costs near their entropy', () => {
    // A Laplace-like table of 4096 levels, as the model's weights are: most near 0, a few large.
    let state = 12345;
    const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const levels = Int8Array.from({ length: 4096 }, () => Math.max(-127, Math.min(127, Math.round(Math.log(random() + 1e-9) * 3 * (random() < 0.5 ? -1 : 1)))));
    const encoded = encodeSigned(levels);
    expect(Array.from(decodeSigned(encoded))).toEqual(Array.from(levels));
    const counts = new Map<number, number>();
    for (const v of levels) counts.set(v, (counts.get(v) ?? 0) + 1);
    let entropyBits = 0;
    for (const c of counts.values()) entropyBits -= c * Math.log2(c / levels.length);
    const codeBits = (atob(encoded.code).length - 1) * 8;
    expect(codeBits).toBeLessThan(entropyBits * 1.1);
    expect(codeBits).toBeLessThan(levels.length * 8 * 0.6);
  });

  it('refuses a code with values left over or missing', () => {
    const encoded = encodeSigned([1, -2, 3, 0, 0, 5, -7, 9]);
    expect(() => decodeSigned({ ...encoded, count: 4 })).toThrow(/left over/);
    expect(() => decodeSigned({ ...encoded, count: 100 })).toThrow(/past the end/);
  });
});
