import { describe, expect, it } from 'vitest';
import { findQuotes, isLetterUnit, isWhiteSpace, isWordCharUnit, punctuationBreaks, resetSentenceBreaker, splitSentences } from '../../core/claims/sentences';

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['titles before a name', 'The head, Col. Gen. Mikhail Mizintsev, said so. Next one.', ['The head, Col. Gen. Mikhail Mizintsev, said so.', 'Next one.']],
    ['Dr. and Mr.', 'Dr. Smith met Mr. Jones on Monday. They talked.', ['Dr. Smith met Mr. Jones on Monday.', 'They talked.']],
    ['No. before a number', 'He lives at No. 5 on the hill. It is big.', ['He lives at No. 5 on the hill.', 'It is big.']],
    ['initials', 'The book by J. R. R. Tolkien sold well. Fans cheered.', ['The book by J. R. R. Tolkien sold well.', 'Fans cheered.']],
    ['U.S. inside a sentence', 'The U.S. President spoke. Nobody left.', ['The U.S. President spoke.', 'Nobody left.']],
    ['U.S. ending a sentence', 'Troops left the U.S. The next day was calm.', ['Troops left the U.S.', 'The next day was calm.']],
    ['a quoted question then its attribution', '"Will it close?" he asked. Nobody knew.', ['"Will it close?" he asked.', 'Nobody knew.']],
    [
      'a quotation running over two sentences with its speaker after it',
      '"We believe. The region is calm," Mizintsev said at a meeting. Then he left.',
      ['"We believe. The region is calm," Mizintsev said at a meeting.', 'Then he left.'],
    ],
    ['curly quotes', '“It is over. We won,” she said. Done.', ['“It is over. We won,” she said.', 'Done.']],
    ['a line break is a hard boundary', 'A headline without a stop\nThe body starts here.', ['A headline without a stop', 'The body starts here.']],
    ['a soft wrap from HTML formatting continues', 'Economists had\n      expected a rise. Next.', ['Economists had\n      expected a rise.', 'Next.']],
    ['runs of blank lines', '\n\n  First.  \n\n\n   Second.\n', ['First.', 'Second.']],
    ['lost dashes (U+FFFD)', 'Three states \uFFFD Russia, Turkey, and Iran \uFFFD met. Then.', ['Three states \uFFFD Russia, Turkey, and Iran \uFFFD met.', 'Then.']],
    ['an unclosed quotation does not swallow the paragraph', 'He said "no. It ended. Later.', ['He said "no.', 'It ended.', 'Later.']],
  ])('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('returns trimmed, ordered, non-overlapping ranges', () => {
    const text = '  One.   Two?\n\nThree!  ';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['One.', 'Two?', 'Three!']);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t \n')).toEqual([]);
  });
});

describe('findQuotes', () => {
  const quoted = (text: string): string[] => findQuotes(text, { start: 0, end: text.length }).map((q) => text.slice(q.open + 1, q.close));

  it.each([
    ['straight quotes', 'He said "go now," and left.', ['go now,']],
    ['curly quotes', 'A “deplorable” state and “another one”.', ['deplorable', 'another one']],
    ['guillemets', 'Il a dit «non».', ['non']],
    ['apostrophes are not quotes', 'Syria’s troops and the players’ union', []],
    ['single curly quotes', 'a ‘so-called’ deal', ['so-called']],
    ['an unpaired mark is ignored', 'He is 6" tall and "fine', []],
  ])('%s', (_name, text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });
});

describe('without Intl.Segmenter (older browsers)', () => {
  it('falls back to punctuation breaks and still repairs them', () => {
    const original = Intl.Segmenter;
    try {
      Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true, writable: true });
      resetSentenceBreaker();
      expect(sentences('The head, Col. Gen. Mikhail Mizintsev, said so. "We believe. The region," he said. Next one?')).toEqual([
        'The head, Col. Gen. Mikhail Mizintsev, said so.',
        '"We believe. The region," he said.',
        'Next one?',
      ]);
    } finally {
      Object.defineProperty(Intl, 'Segmenter', { value: original, configurable: true, writable: true });
      resetSentenceBreaker();
    }
  });

  it('breaks after sentence punctuation and spaces, and at line breaks', () => {
    const text = 'One. Two!  Three?" Four\nFive';
    expect(punctuationBreaks(text).map((b) => b.segment)).toEqual(['One. ', 'Two!  ', 'Three?" ', 'Four\n', 'Five']);
  });
});

describe('character tests on code units agree with the regexes they replace, on every code unit', () => {
  it.each([
    ['isWhiteSpace', isWhiteSpace, /\s/],
    ['isLetterUnit', isLetterUnit, /\p{L}/u],
    ['isWordCharUnit', isWordCharUnit, /[\p{L}.'’-]/u],
  ] as const)('%s', (_name, test, regex) => {
    const disagreements: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (test(c) !== regex.test(String.fromCharCode(c))) disagreements.push(c);
    expect(disagreements).toEqual([]);
  });
});
