/**
 * Human labels and colours of claim kinds, for the card. The colours are the line colours of the
 * marks in core/highlight/highlight.css, so a kind's chip in the card matches its highlight.
 */
import type { ClaimKind } from '../../core/claims/types';

export interface KindInfo {
  label: string;
  colour: string;
  hint: string;
}

/** Keyed by string, not ClaimKind: a kind added to the detector before it is added here still shows. */
export const KIND_INFO: Readonly<Record<string, KindInfo>> = {
  statistic: { label: 'Statistic', colour: 'rgb(202, 138, 4)', hint: 'A number that can be checked against data' },
  attribution: { label: 'Attributed claim', colour: 'rgb(234, 88, 12)', hint: 'Someone is said to have said or found this' },
  quote: { label: 'Quote', colour: 'rgb(192, 38, 211)', hint: 'Words put in someone’s mouth' },
  'reported-speech': { label: 'Reported speech', colour: 'rgb(147, 51, 234)', hint: 'What someone said, in the writer’s words' },
  'date-event': { label: 'Dated event', colour: 'rgb(13, 148, 136)', hint: 'Something said to have happened at a time' },
  causal: { label: 'Cause and effect', colour: 'rgb(79, 70, 229)', hint: 'One thing is said to cause another' },
  comparison: { label: 'Comparison', colour: 'rgb(2, 132, 199)', hint: 'More, less, highest, first…' },
  characterization: { label: 'Loaded characterization', colour: 'rgb(225, 29, 72)', hint: 'A judgement presented as fact' },
  factual: { label: 'Factual claim', colour: 'rgb(202, 138, 4)', hint: 'A statement of fact the check-worthiness model rates highly' },
};

const UNKNOWN: KindInfo = { label: '', colour: 'rgb(110, 119, 129)', hint: '' };

export function kindInfo(kind: ClaimKind): KindInfo {
  return KIND_INFO[kind] ?? { ...UNKNOWN, label: kind };
}

export function kindLabel(kind: ClaimKind): string {
  return kindInfo(kind).label;
}
