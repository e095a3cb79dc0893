import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorMany, anchorSelectors, describeSpan, type Selector } from '../../core/anchoring';

const ARTICLE = readFileSync(resolve(__dirname, '../fixtures/anchoring/water-board.txt'), 'utf8').trimEnd();

/** Start of the `occurrence`-th (0-based) occurrence of `needle`; throws so a broken case can't pass silently. */
function nth(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return at;
}

function replace(text: string, from: string, to: string, occurrence = 0): string {
  const at = nth(text, from, occurrence);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function selectorsFor(text: string, quote: string, occurrence = 0): Selector[] {
  const start = nth(text, quote, occurrence);
  return describeSpan(text, start, start + quote.length);
}

const paragraphs = ARTICLE.split('\n');
const INSERTED_PARAGRAPH =
  'Editor’s note: this story was updated on Wednesday with comments from the mayor’s office, which declined to say whether it supported the new rates.';

interface EditCase {
  name: string;
  /** Text the annotation was made on (defaults to the fixture article). */
  original?: string;
  quote: string;
  occurrence?: number;
  edit: (text: string) => string;
  /** The text the annotation must land on in the edited text, or null for an orphan. */
  expected: string | null;
  expectedOccurrence?: number;
  /** Whether the match must be reported exact (verbatim after normalization). */
  exact?: boolean;
}

const REPEATING = Array.from({ length: 6 }, () => 'Polls open at eight. Results follow at nine.').join(' ');

const CASES: EditCase[] = [
  {
    name: 'unchanged text',
    quote: 'voted 5-2 on Tuesday to raise residential rates',
    edit: (t) => t,
    expected: 'voted 5-2 on Tuesday to raise residential rates',
    exact: true,
  },
  {
    name: 'inserted word inside the quote',
    quote: 'the system lost 18 percent of its treated water to leaks last year',
    edit: (t) => replace(t, 'its treated water', 'its expensively treated water'),
    expected: 'the system lost 18 percent of its expensively treated water to leaks last year',
    exact: false,
  },
  {
    name: 'deleted word inside the quote',
    quote: 'Critics of the plan argued that the increase would fall hardest on low-income households',
    edit: (t) => replace(t, 'fall hardest', 'fall'),
    expected: 'Critics of the plan argued that the increase would fall on low-income households',
    exact: false,
  },
  {
    name: 'changed word inside the quote',
    quote: 'said the money would pay for replacing pipes installed in the 1950s',
    edit: (t) => replace(t, 'replacing pipes', 'replacing mains'),
    expected: 'said the money would pay for replacing mains installed in the 1950s',
    exact: false,
  },
  {
    name: 'paragraph inserted before',
    quote: 'Councilman David Reyes called the vote',
    edit: (t) => replace(t, paragraphs[1]!, `${INSERTED_PARAGRAPH}\n${paragraphs[1]!}`),
    expected: 'Councilman David Reyes called the vote',
    exact: true,
  },
  {
    name: 'paragraph deleted before',
    quote: 'a discount program for seniors would expand to 4,000 households',
    edit: (t) => replace(t, `${paragraphs[2]!}\n`, ''),
    expected: 'a discount program for seniors would expand to 4,000 households',
    exact: true,
  },
  {
    name: 'paragraphs reordered',
    quote: 'According to the utility’s annual report',
    edit: (t) => [paragraphs[0], paragraphs[3], paragraphs[4], paragraphs[5], paragraphs[1], paragraphs[2]].join('\n'),
    expected: 'According to the utility’s annual report',
    exact: true,
  },
  {
    name: 'whitespace changed inside the quote',
    quote: 'the largest increase in more than a decade',
    edit: (t) => replace(t, 'the largest increase in more than a decade', 'the  largest\tincrease in more than\u00a0a decade'),
    expected: 'the  largest\tincrease in more than\u00a0a decade',
    exact: true,
  },
  {
    name: 'line breaks inserted (re-wrapped paragraph)',
    quote: 'compared with a national average of about 14 percent',
    edit: (t) => replace(t, 'compared with a national average of about 14 percent', 'compared with a national\naverage of about\n14 percent'),
    expected: 'compared with a national\naverage of about\n14 percent',
    exact: true,
  },
  {
    name: 'markup change: a block boundary became inline (paragraphs merged)',
    quote: 'according to census figures.\nThe two neighbouring districts',
    original: ARTICLE.replace('census figures. The two', 'census figures.\nThe two'),
    edit: (t) => t.replace('census figures.\nThe two', 'census figures.The two'),
    expected: 'according to census figures.The two neighbouring districts',
    exact: true,
  },
  {
    name: 'curly quotes straightened',
    quote: '“We cannot keep patching a network that is older than most of our customers,”',
    edit: (t) => t.replaceAll('“', '"').replaceAll('”', '"').replaceAll('’', "'"),
    expected: '"We cannot keep patching a network that is older than most of our customers,"',
    exact: true,
  },
  {
    name: 'U+FFFD repaired to a dash on the page',
    quote: 'districts \ufffd Eastfield and Norwood \ufffd did not respond',
    edit: (t) => t.replaceAll('\ufffd', '—'),
    expected: 'districts — Eastfield and Norwood — did not respond',
    exact: true,
  },
  {
    name: 'dash style changed and punctuation edited',
    quote: 'The regional water board voted 5-2 on Tuesday, to raise residential rates',
    original: ARTICLE.replace('5-2 on Tuesday to', '5-2 on Tuesday, to'),
    edit: (t) => replace(t, '5-2 on Tuesday, to', '5–2 on Tuesday to'),
    expected: 'The regional water board voted 5–2 on Tuesday to raise residential rates',
    exact: false,
  },
  {
    name: 'letter case changed',
    quote: 'Board chair Maria Okafor said',
    edit: (t) => replace(t, 'Board chair Maria Okafor', 'board chair Maria Okafor'),
    expected: 'board chair Maria Okafor said',
    exact: true,
  },
  {
    name: 'quote occurs twice: context picks the second',
    quote: 'The board said the increase would',
    occurrence: 1,
    edit: (t) => replace(t, paragraphs[1]!, `${INSERTED_PARAGRAPH}\n${paragraphs[1]!}`),
    expected: 'The board said the increase would',
    expectedOccurrence: 1,
    exact: true,
  },
  {
    name: 'quote occurs twice with a changed word: context still picks the second',
    quote: 'The board said the increase would be reviewed',
    edit: (t) => replace(replace(t, 'would be reviewed', 'will be reviewed'), paragraphs[2]!, `${paragraphs[2]!} ${INSERTED_PARAGRAPH}`),
    expected: 'The board said the increase will be reviewed',
    exact: false,
  },
  {
    name: 'identical repeats: the stored position picks',
    original: `${REPEATING}\nEnd of notice.`,
    quote: 'Polls open at eight.',
    occurrence: 3,
    edit: (t) => replace(t, 'Polls open', 'Polls now open'),
    expected: 'Polls open at eight.',
    // The first repeat no longer matches, so the original 4th is now the 3rd verbatim one.
    expectedOccurrence: 2,
    exact: true,
  },
  {
    name: 'short quote after a paragraph was inserted before it',
    quote: '12 percent',
    edit: (t) => replace(t, paragraphs[1]!, `${INSERTED_PARAGRAPH}\n${paragraphs[1]!}`),
    expected: '12 percent',
    exact: true,
  },
  {
    name: 'short quote with a changed word, confirmed by its context',
    quote: 'rates by 12 percent',
    edit: (t) => replace(t, 'rates by 12 percent', 'rates by 13 percent'),
    expected: 'rates by 13 percent',
    exact: false,
  },
  {
    name: 'long quote with several edits',
    quote: paragraphs[2]!,
    edit: (t) =>
      replace(replace(replace(t, 'lost 18 percent', 'lost nearly 18 percent'), 'last year', 'in 2023'), 'most of our customers', 'most customers'),
    expected:
      'According to the utility’s annual report, the system lost nearly 18 percent of its treated water to leaks in 2023, compared with a national average of about 14 percent. “We cannot keep patching a network that is older than most customers,” Okafor said.',
    exact: false,
  },
  {
    name: 'quote at the very start of the text, headline reworded after it',
    quote: 'Regional Water Board Approves',
    edit: (t) => replace(t, 'Approves Rate Increase', 'Approves Rate Rise'),
    expected: 'Regional Water Board Approves',
    exact: true,
  },
  {
    name: 'quote spanning two paragraphs whose break became a space',
    quote: 'about 14 percent. “We cannot keep patching',
    edit: (t) => replace(t, 'decade. Board chair', 'decade.\nBoard chair'),
    expected: 'about 14 percent. “We cannot keep patching',
    exact: true,
  },
  {
    name: 'deleted passage → orphan',
    quote: 'Councilman David Reyes called the vote “a tax on families who are already struggling”',
    edit: (t) => replace(t, `${paragraphs[3]!}\n`, ''),
    expected: null,
  },
  {
    name: 'entirely rewritten sentence → orphan',
    quote: 'Since 2015, average water bills in the region have risen by 40 percent',
    edit: (t) =>
      replace(
        t,
        'Since 2015, average water bills in the region have risen by 40 percent, while median household income grew by 22 percent, according to census figures.',
        'Household budgets have been squeezed for years as costs outpaced what families earn, census data show.',
      ),
    expected: null,
  },
  {
    name: 'short quote deleted while the same words remain elsewhere → orphan',
    quote: 'the increase would',
    edit: (t) => replace(t, 'Critics of the plan argued that the increase would fall hardest on low-income households. ', ''),
    expected: null,
  },
  {
    name: 'whole paragraph deleted, its neighbours intact → orphan',
    quote: 'The board said the increase would take effect in March.',
    edit: (t) => replace(t, `${paragraphs[4]!}\n`, ''),
    expected: null,
  },
  {
    name: 'quote never on the page → orphan',
    quote: 'voted 5-2 on Tuesday',
    original: 'The zoning committee voted 5-2 on Tuesday to approve the tower.',
    edit: () => ARTICLE.replace('voted 5-2 on Tuesday', 'voted on Tuesday'),
    expected: null,
  },
];

describe('anchorSelectors: edit cases', () => {
  it('has at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)('$name', (c) => {
    const original = c.original ?? ARTICLE;
    const selectors = selectorsFor(original, c.quote, c.occurrence);
    const edited = c.edit(original);
    const anchor = anchorSelectors(edited, selectors);
    if (c.expected === null) {
      expect(anchor).toBeNull();
      return;
    }
    const start = nth(edited, c.expected, c.expectedOccurrence);
    expect(anchor).not.toBeNull();
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(c.expected);
    expect(anchor!.start).toBe(start);
    if (c.exact !== undefined) expect(anchor!.exact).toBe(c.exact);
  });
});

describe('anchorMany', () => {
  it('anchors a batch like one-by-one calls, orphans included', () => {
    const quotes = ['Board chair Maria Okafor', 'Councilman David Reyes', 'The board said the increase would'];
    const targets = quotes.map((q) => selectorsFor(ARTICLE, q));
    targets.push(selectorsFor('Nothing like this is on the page at all.', 'like this is on the page'));
    const edited = replace(ARTICLE, paragraphs[1]!, `${INSERTED_PARAGRAPH}\n${paragraphs[1]!}`);
    const batch = anchorMany(edited, targets);
    expect(batch).toEqual(targets.map((t) => anchorSelectors(edited, t)));
    expect(batch[3]).toBeNull();
    expect(edited.slice(batch[0]!.start, batch[0]!.end)).toBe('Board chair Maria Okafor');
  });

  it('uses the shift measured on exact anchors to pick among identical repeats', () => {
    const original = `${paragraphs.slice(0, 3).join('\n')}\n${REPEATING}\n${paragraphs.slice(3).join('\n')}`;
    const targets = [
      selectorsFor(original, 'Councilman David Reyes called the vote'),
      selectorsFor(original, 'the system lost 18 percent of its treated water'),
      selectorsFor(original, 'Results follow at nine.', 2),
    ];
    // A long paragraph inserted near the top moves everything by more than one repeat period.
    const edited = replace(original, paragraphs[1]!, `${INSERTED_PARAGRAPH}\n${paragraphs[1]!}`);
    const [, , repeat] = anchorMany(edited, targets);
    expect(repeat?.start).toBe(nth(edited, 'Results follow at nine.', 2));
  });

  it('trusts the stored position when the text there still matches', () => {
    const selectors = selectorsFor(ARTICLE, 'The board said the increase would', 1);
    expect(anchorSelectors(ARTICLE, selectors)).toEqual({
      start: nth(ARTICLE, 'The board said the increase would', 1),
      end: nth(ARTICLE, 'The board said the increase would', 1) + 'The board said the increase would'.length,
      exact: true,
    });
  });

  it('returns null for an empty quote and position-only selectors outside the text', () => {
    expect(anchorSelectors(ARTICLE, [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }])).toBeNull();
    expect(anchorSelectors('short', [{ type: 'TextPositionSelector', start: 2, end: 40 }])).toBeNull();
  });
});

describe('describeSpan', () => {
  it('stores 32 characters of context each side and the position', () => {
    const start = nth(ARTICLE, 'Okafor said the money');
    const [quote, position] = describeSpan(ARTICLE, start, start + 21);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Okafor said the money',
      prefix: ARTICLE.slice(start - 32, start),
      suffix: ARTICLE.slice(start + 21, start + 53),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 21 });
  });

  it('clips context at the text edges without splitting surrogate pairs', () => {
    const text = `😀${'x'.repeat(31)}quote${'y'.repeat(31)}😀`;
    const start = text.indexOf('quote');
    const [quote] = describeSpan(text, start, start + 5);
    expect(quote.prefix).toBe('x'.repeat(31));
    expect(quote.suffix).toBe('y'.repeat(31));
    const [atStart] = describeSpan('abc', 0, 3);
    expect(atStart.prefix).toBe('');
    expect(atStart.suffix).toBe('');
  });
});
