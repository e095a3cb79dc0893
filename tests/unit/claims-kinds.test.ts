/**
 * One sentence per rule, table-driven: what each kind catches (with the signal's words), and lines that
 * carry a trigger (a number, a date, a speech verb) but are still not claims.
 */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import type { ClaimKind } from '../../core/claims/types';

describe('each kind on its own', () => {
  it.each<[ClaimKind, string, string, string?]>([
    ['statistic', 'The camp houses some 25,000 people in tents.', 'some 25,000 people'],
    ['statistic', 'Unemployment stood at 4.2% in the region.', '4.2%'],
    ['statistic', 'The city spent $3.5 million on repairs.', '$3.5 million'],
    ['statistic', 'Thousands of residents were left without power.', 'Thousands of'],
    ['statistic', 'The storm destroyed 1,200 homes and damaged 40 schools.', '1,200 homes'],
    ['attribution', 'The camp was described by the United Nations as "dire" this summer.', 'described by the United Nations', 'United Nations'],
    ['attribution', 'The plan will cost jobs, according to the Chamber of Commerce.', 'according to the Chamber of Commerce', 'Chamber of Commerce'],
    ['attribution', 'Senator Jane Roe called the ruling "a disgrace" after the hearing.', 'Senator Jane Roe called', 'Senator Jane Roe'],
    ['quote', '"We will rebuild every school before winter," Governor Ann Lee said on Monday.', 'We will rebuild every school before winter', 'Governor Ann Lee'],
    ['quote', 'The minister told reporters: "There is no shortage of fuel in the country."', 'There is no shortage of fuel in the country.', 'minister'],
    ['reported-speech', 'Officials claimed the bridge had been inspected twice.', 'Officials claimed', 'Officials'],
    ['reported-speech', 'The company said that profits had tripled.', 'company said', 'company'],
    ['reported-speech', 'Prime Minister Mark Rutte said the talks had failed.', 'Prime Minister Mark Rutte said', 'Prime Minister Mark Rutte'],
    ['reported-speech', 'Putin on Monday said the talks had failed.', 'Putin on Monday said', 'Putin'],
    ['reported-speech', 'The National Institute on Drug Abuse estimated that 964,000 people use meth.', 'estimated', 'National Institute on Drug Abuse'],
    ['attribution', 'According to a 2018 survey by Jane Roe of the University of Leeds, most newsrooms shrank.', 'According to', 'Jane Roe'],
    ['reported-speech', 'China’s ambassador to Britain accused the UK of meddling in the country’s affairs.', 'accused', 'China’s ambassador to Britain'],
    ['reported-speech', 'Chris Tang, Hong Kong’s new police commissioner, said that police alone could not end the violence.', 'said', 'Chris Tang'],
    ['reported-speech', 'The UK has urged an “end to the violence and for all sides to talk”.', 'urged', 'UK'],
    ['date-event', 'The factory closed in March 2020 after a fire.', 'in March 2020'],
    ['date-event', 'The border has been shut since 2014.', 'since 2014'],
    ['date-event', 'Voters went to the polls on 4 July 2024 across the country.', '4 July 2024'],
    ['causal', 'The drought led to a sharp rise in food prices.', 'led to'],
    ['causal', 'Heavy rain caused the dam to overflow.', 'caused'],
    ['comparison', 'This winter was colder than any winter of the past decade.', 'colder than'],
    ['comparison', 'It is the tallest building ever built in the city and the highest in the region.', 'highest'],
    ['comparison', 'Exports doubled compared with the previous year.', 'doubled'],
    ['characterization', 'The army described the strike as a response to the illegal occupation of the valley.', 'illegal occupation'],
    ['characterization', 'Protesters denounced the regime outside the embassy.', 'regime'],
    ['characterization', 'The group was labelled a terrorist organisation by the ministry.', 'terrorist organisation'],
  ])('%s: %s', (kind, sentence, signal, speaker) => {
    const claims = detectClaims(sentence);
    expect(claims, 'no claim').toHaveLength(1);
    const claim = claims[0]!;
    expect(claim.text).toBe(sentence);
    expect(claim.kinds).toContain(kind);
    expect(claim.signals.filter((s) => s.kind === kind).map((s) => s.text)).toContainEqual(expect.stringContaining(signal));
    if (speaker) expect(claim.speaker).toBe(speaker);
  });
});

describe('not claims, even with a trigger in them', () => {
  it.each([
    ['an opinion', 'I think this is a great idea.'],
    ['an opinion with a comparison', 'In my opinion, this film is better than the book.'],
    ['a question', 'Will the camp close?'],
    ['a question with a number', 'Will inflation fall to 2% next year?'],
    ['a quoted question', '"Will the camp close by March 2025?" she asked.'],
    ['newsletter', 'Sign up for our newsletter and get 50% off your first year.'],
    ['rights', '© 2023 Example News. All rights reserved.'],
    ['read more', 'Click here to read more about the 10 best beaches.'],
    ['share', 'Share this article with 3 friends'],
    ['photo credit', 'Photo by Jane Doe/Getty Images'],
    ['photo caption credit', 'Photo: Rescue workers in Ankara on Monday. (AFP)'],
    ['byline', 'By John Smith, Political Correspondent'],
    ['byline with date', 'By Jane Doe | Sept. 18, 2019'],
    ['time stamp', 'Updated 18 September 2019, 14:32 GMT'],
    ['handle and date', 'date 2019-09-18 (@imziishan)'],
    ['dateline alone', 'MOSCOW (Sputnik - 18th September, 2019)'],
    ['a section heading', 'What happens next'],
    ['a headline without a claim', 'The long road home'],
  ])('%s: %s', (_name, line) => {
    expect(detectClaims(line)).toEqual([]);
  });

  it('a dateline is cut off the claim that follows it', () => {
    const text = 'KYIV, Ukraine (AP) — Officials said 12 people were killed on Monday.';
    const [claim] = detectClaims(text);
    expect(claim?.text).toBe('Officials said 12 people were killed on Monday.');
  });
});

describe('quotations over several paragraphs', () => {
  const text = [
    '"We are rebuilding 40 schools this year," Governor Ann Lee said on Monday. "The money is there, and the workers are there.',
    '"What we need now is time, and patience from parents."',
    'Critics said the plan was late.',
  ].join('\n');
  const claims = detectClaims(text);

  it('keeps the open-ended quotation of the first paragraph together and gives it the speaker', () => {
    const claim = claims.find((c) => c.text.startsWith('"The money is there'));
    expect(claim?.text).toBe('"The money is there, and the workers are there.');
    expect(claim?.kinds).toContain('quote');
    expect(claim?.speaker).toBe('Governor Ann Lee');
  });

  it('carries the speaker into the next paragraph of the same quotation', () => {
    const claim = claims.find((c) => c.text.startsWith('"What we need now'));
    expect(claim?.kinds).toContain('quote');
    expect(claim?.speaker).toBe('Governor Ann Lee');
  });
});
