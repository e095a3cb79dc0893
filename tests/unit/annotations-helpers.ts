/** Builders shared by the annotations-*.test.ts files. */
import type { AnnotationV1 } from '../../core/annotations/migrations';
import { newAnnotation, newSourceNote, type Annotation, type SourceNote } from '../../core/annotations/model';

export const PAGE = 'https://news.example.com/2024/03/budget-story';

export function sampleAnnotation(overrides: Partial<Parameters<typeof newAnnotation>[0]> = {}): Annotation {
  return newAnnotation({
    source: PAGE,
    selector: [
      { type: 'TextQuoteSelector', exact: 'unemployment fell to 3.9%', prefix: 'The minister said ', suffix: ' in March.' },
      { type: 'TextPositionSelector', start: 120, end: 145 },
    ],
    body: { verdict: 'mostly-true', note: 'Official figure is 4.0%.\nSee ONS table A01.', tags: ['economy'], sources: [] },
    claim: { kinds: ['statistic', 'attribution'], speaker: 'the minister' },
    now: new Date('2024-03-05T10:00:00.000Z'),
    ...overrides,
  });
}

export function sampleSource(overrides: Partial<Parameters<typeof newSourceNote>[0]> = {}): SourceNote {
  return newSourceNote({
    title: 'Labour market overview, March 2024',
    url: 'https://www.ons.gov.uk/releases/labour-market-march-2024',
    publisher: 'Office for National Statistics',
    date: '2024-03-12',
    excerpt: 'The unemployment rate was estimated at 4.0%.',
    reliability: 'Primary statistical source.',
    now: new Date('2024-03-05T09:00:00.000Z'),
    ...overrides,
  });
}

/** An annotation as the first schema version stored it (one item, `annotations`: { [id]: record }). */
export function v1Annotation(id: string, source: string, overrides: Partial<AnnotationV1> = {}): AnnotationV1 {
  return {
    id,
    type: 'Annotation',
    created: '2024-01-10T08:00:00.000Z',
    modified: '2024-01-11T08:00:00.000Z',
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: `claim ${id}`, prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 10, end: 20 },
      ],
    },
    body: { verdict: 'half-true', note: `note for ${id}\nsecond line`, sourceIds: ['urn:uuid:s1'] },
    ...overrides,
  };
}
