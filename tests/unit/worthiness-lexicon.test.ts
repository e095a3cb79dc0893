import { describe, expect, it } from 'vitest';
import { WorthinessModel } from '../../core/worthiness/model';
import { buildWordLexicon, WordLexicon } from '../../core/worthiness/word-lexicon';
import { meanEmbeddings, parseWordEmbeddings, readWordEmbeddings } from '../../tools/lib/word-embeddings';
import { averagePrecision } from '../../tools/lib/worthiness-metrics';
import { buildMatrix, foldLexicon, trainWorthinessModel } from '../../tools/lib/worthiness-train';
import { TINY as tiny, TINY_TRAIN_OPTIONS, worthinessFixture as fixture } from '../fixtures/worthiness/load';

describe('WordLexicon', () => {
  const entries: Array<[string, number]> = [
    ['percent', 2],
    ['billion', 1.5],
    ['thank', -2],
    ['welcome', -0.5],
    ['tiny', 0.001], // rounds to 0: left out, and worth 0 anyway
  ];
  const lexicon = new WordLexicon(buildWordLexicon(entries, { bits: 4 }));

  it.each([
    ['percent', 2],
    ['billion', 1.5],
    ['thank', -2],
    ['welcome', -0.5],
    ['tiny', 0],
    ['absent', 0],
    ['', 0],
  ])('gives %s the value %s (to the quantisation step)', (word, value) => {
    expect(lexicon.value(word)).toBeCloseTo(value, 1);
  });

  it('holds only the words whose value is not 0', () => {
    expect(lexicon.data.words).toBe(4);
  });

  it('finds every word of a full table, and a word it lacks gets 0 but for fingerprint matches', () => {
    const words = Array.from({ length: 3000 }, (_, i) => [`w${i}`, (i % 17) - 8 || 1] as [string, number]);
    // 3,000 words in 1,024 buckets: about 3 a bucket, so a missing word matches one of their
    // 8-bit fingerprints with odds of about 3 in 256.
    const full = new WordLexicon(buildWordLexicon(words, { bits: 10, levels: 8 }));
    const found = words.filter(([w, v]) => full.value(w) === v).length;
    // All but the few whose bucket and fingerprint an earlier word took (left out by the build).
    expect(full.data.words).toBeGreaterThan(words.length * 0.98);
    // (A left-out word can still read the right value by chance: levels are few.)
    expect(found).toBeGreaterThanOrEqual(full.data.words);
    expect(found).toBeLessThan(full.data.words + 5);
    let falseHits = 0;
    for (let i = 0; i < 10000; i++) if (full.value(`other${i}`) !== 0) falseHits++;
    expect(falseHits).toBeGreaterThan(50);
    expect(falseHits).toBeLessThan(250);
    // Fewer fingerprint bits, more false matches: odds of about 3 in 16.
    const narrow = new WordLexicon(buildWordLexicon(words, { bits: 10, levels: 8, fingerprintBits: 4 }));
    let narrowHits = 0;
    for (let i = 0; i < 10000; i++) if (narrow.value(`other${i}`) !== 0) narrowHits++;
    expect(narrowHits).toBeGreaterThan(1000);
  });

  it('costs its fingerprint and a few bits a word, not the 16 and more of a table of bytes', () => {
    // Values spread over all 31 levels, in as many buckets as words.
    const words = Array.from({ length: 4096 }, (_, i) => [`w${i}`, Math.sin(i) * 15] as [string, number]);
    const data = buildWordLexicon(words, { bits: 12 });
    const bitsPerWord = (atob(data.code).length * 8) / data.words;
    expect(bitsPerWord).toBeGreaterThan(8 + 1);
    expect(bitsPerWord).toBeLessThan(16);
  });

  it('is the same table whatever the order of words that do not collide', () => {
    // Two buckets for four words: buckets hold several words, written in fingerprint order.
    const a = buildWordLexicon(entries, { bits: 1 });
    const b = buildWordLexicon([...entries].reverse(), { bits: 1 });
    expect(b).toEqual(a);
    expect(new WordLexicon(a).value('thank')).toBeCloseTo(-2, 1);
  });

  it('refuses damaged data', () => {
    const data = buildWordLexicon(entries, { bits: 4 });
    expect(() => new WordLexicon({ ...data, words: 3 })).toThrow(/4 words, expected 3/);
    // Fingerprints and value levels are held in bytes.
    expect(() => buildWordLexicon(entries, { bits: 4, fingerprintBits: 9 })).toThrow(/9 fingerprint bits/);
    expect(() => new WordLexicon({ ...data, fingerprintBits: 9 })).toThrow(/9 fingerprint bits/);
    expect(() => buildWordLexicon(entries, { bits: 4, levels: 128 })).toThrow(/128 levels/);
    expect(() => new WordLexicon({ ...data, words: 9 })).toThrow(/4 words, expected 9/);
    expect(() => new WordLexicon({ ...data, bits: 3 })).toThrow(/words, expected 4|left over/);
    expect(() => new WordLexicon({ ...data, bits: 6 })).toThrow(/past the end/);
  });

  it('refuses more entries than its 16-bit index holds', () => {
    const many = Array.from({ length: 80000 }, (_, i) => [`w${i}`, 1] as [string, number]);
    const data = buildWordLexicon(many, { bits: 12 });
    expect(data.words).toBeGreaterThan(0xffff);
    expect(() => new WordLexicon(data)).toThrow(/over 65535 words/);
  });
});

describe('word embeddings for training', () => {
  const choice = { skip: 0, size: 100 };

  it('reads GloVe text, keeping only words the tokenizer can produce, in file order', () => {
    const e = readWordEmbeddings(fixture('tiny-embeddings.txt'), choice);
    expect(e.dimensions).toBe(4);
    expect(e.words.slice(0, 2)).toEqual(['the', 'percent']);
    expect(e.words).not.toContain(',');
    expect(e.words).not.toContain('2019');
    expect(e.words).not.toContain('Obama');
  });

  it('reads wink-embeddings JSON (vectors longer than the dimensions) and applies skip and size', () => {
    const json = JSON.stringify({ dimensions: 2, words: ['the', ',', 'of', 'tax'], vectors: { the: [1, 2, 9, 0], ',': [0, 0, 0, 1], of: [3, 4, 9, 2], tax: [5, 6, 9, 3] } });
    const e = parseWordEmbeddings(json, { skip: 1, size: 1 });
    expect(e.words).toEqual(['of']);
    expect(Array.from(e.vectors[0]!)).toEqual([3, 4]);
  });

  it('rejects files it cannot use', () => {
    expect(() => parseWordEmbeddings('a 1 2\nb 1\n', choice)).toThrow(/dimensions/);
    expect(() => parseWordEmbeddings('a 1 x\n', choice)).toThrow(/bad vector/);
    expect(() => parseWordEmbeddings('{"words": 3}', choice)).toThrow(/words/);
    expect(() => parseWordEmbeddings('', choice)).toThrow(/no word vectors/);
  });

  it('averages a sentence over all its tokens, words outside the lexicon counting as zero vectors', () => {
    const e = parseWordEmbeddings('taxes 1 0\nrose 0 1\n', choice);
    const [mean] = meanEmbeddings(['Taxes rose 40%.'], e); // tokens: taxes rose #d2 %
    expect(Array.from(mean!)).toEqual([0.25, 0.25]);
  });
});

describe('training with word embeddings', () => {
  const options = { ...TINY_TRAIN_OPTIONS, embeddings: readWordEmbeddings(fixture('tiny-embeddings.txt'), TINY_TRAIN_OPTIONS.lexiconWords) };
  const train = () => trainWorthinessModel(tiny.map((s) => s.text), tiny.map((s) => s.label), options);

  it('is deterministic and ships a word lexicon', () => {
    const a = train().data;
    expect(JSON.stringify(a)).toBe(JSON.stringify(train().data));
    expect(a.lexicon?.bits).toBe(6);
    expect(a.lexicon?.words).toBeGreaterThan(10);
  });

  it('gives words the training sentences never contain values like their neighbours in the embedding space', () => {
    const lexicon = new WordLexicon(train().data.lexicon!);
    // "revenue" and "gdp" sit with percent/taxes, "grateful" and "delighted" with thank/love: none is in tiny.tsv.
    expect(lexicon.value('revenue')).toBeGreaterThan(lexicon.value('grateful'));
    expect(lexicon.value('gdp')).toBeGreaterThan(lexicon.value('delighted'));
    const model = new WorthinessModel(train().data);
    expect(averagePrecision(tiny.map((s) => model.score(s.text)), tiny.map((s) => s.label))).toBeGreaterThan(0.95);
  });

  it('puts weight × the mean embedding in the matrix, and folds weight × v · embedding into the values', () => {
    const { embeddings } = options;
    const weight = 2;
    const matrix = buildMatrix(['Taxes rose.'], options.features, { embeddings, weight });
    const hashed = 1 << options.features.hashBits;
    const dense = Array.from(matrix.indices).flatMap((column, k) => (column >= hashed ? [matrix.values[k]!] : []));
    const [mean] = meanEmbeddings(['Taxes rose.'], embeddings);
    expect(dense).toEqual(Array.from(mean!, (x) => Math.fround(x * weight)));

    const v = [0.5, -1, 2, 0];
    const model = { weights: Float64Array.from([...new Array<number>(hashed).fill(0), ...v]), intercept: 0 };
    const lexicon = new WordLexicon(foldLexicon(model, hashed, embeddings, { ...options.lexiconWords, weight, levels: 127 }));
    for (const word of ['percent', 'thank', 'revenue']) {
      const e = embeddings.vectors[embeddings.index.get(word)!]!;
      const expected = weight * e.reduce((sum, x, k) => sum + x * v[k]!, 0);
      expect(lexicon.value(word)).toBeCloseTo(expected, 1);
    }
  });

  it('leaves the lexicon out when no embeddings are given', () => {
    const data = trainWorthinessModel(tiny.map((s) => s.text), tiny.map((s) => s.label), TINY_TRAIN_OPTIONS).data;
    expect(data.lexicon).toBeUndefined();
  });
});
