/**
 * Deterministic test material for the anchoring benchmark: a long generated news article, 500
 * annotations on it, an edited version of it (words changed in every paragraph, a paragraph inserted
 * near the top) with the true new place of every annotation, and 500 annotations on paragraphs that
 * have since been removed (orphans).
 *
 * Sentences are assembled from many independent slots (people, roles, organisations, places, numbers,
 * dates, actions, reasons…) so that any 20+ character stretch is very unlikely to recur: a corpus
 * of repeated boilerplate would make every quote ambiguous and measure nothing.
 */
import { describeSpan, type Selector } from '../core/anchoring';

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const FIRST = ['Maria', 'David', 'Aisha', 'Tomasz', 'Keiko', 'Samuel', 'Lucia', 'Omar', 'Grace', 'Henrik', 'Priya', 'Jonas', 'Fatima', 'Carlos', 'Ingrid', 'Kwame', 'Elena', 'Rafael', 'Mei', 'Patrick', 'Nadia', 'Victor', 'Hannah', 'Luis', 'Sofia', 'Ahmed', 'Claire', 'Dmitri', 'Rosa', 'Benedikt', 'Yusuf', 'Agnes', 'Teodor', 'Amara', 'Felix', 'Leila'];
const LAST = ['Okafor', 'Reyes', 'Lindqvist', 'Nakamura', 'Haddad', 'Kowalski', 'Mensah', 'Fischer', 'Duarte', 'Brennan', 'Sato', 'Moreau', 'Abadi', 'Castillo', 'Novak', 'Osei', 'Whitfield', 'Petrov', 'Albrecht', 'Quinn', 'Varga', 'Ibrahim', 'Tanaka', 'Ferreira', 'Holm', 'Adeyemi', 'Larsen', 'Romero', 'Kaur', 'Delgado', 'Marsh', 'Eriksen', 'Bianchi', 'Dube', 'Oyelaran', 'Strand'];
const ROLES = ['finance minister', 'senior economist', 'board chair', 'spokesperson', 'health commissioner', 'union leader', 'deputy mayor', 'policy analyst', 'chief executive', 'opposition lawmaker', 'regional governor', 'hospital director', 'police chief', 'climate scientist', 'education secretary', 'trade negotiator', 'bank governor', 'housing advocate', 'transport director', 'former ambassador', 'county treasurer', 'school principal', 'labour economist', 'shop steward', 'city planner', 'data analyst', 'coroner', 'fire marshal', 'farm leader', 'tax adviser'];
const ORG_ADJ = ['regional', 'national', 'municipal', 'provincial', 'independent', 'federal', 'northern', 'coastal', 'metropolitan', 'rural', 'state', 'joint'];
const ORG_NOUN = ['water board', 'statistics office', 'city council', 'health ministry', 'port authority', 'teachers’ union', 'central bank', 'transit agency', 'housing federation', 'energy regulator', 'farmers’ cooperative', 'hospital trust', 'chamber of commerce', 'environment agency', 'pension fund', 'electoral commission', 'fisheries council', 'university senate', 'competition authority', 'airport operator', 'audit office', 'planning inspectorate', 'ombudsman', 'rail operator', 'dairy board', 'consumer watchdog'];
const PLACES = ['Eastfield', 'Norwood', 'Marrow Bay', 'Kingsbridge', 'Alder Springs', 'Port Selden', 'Westholm', 'Ravensmoor', 'Lindford', 'Caddington', 'Oxley Vale', 'Brackwater', 'Thornbury', 'Elmhurst', 'Saltcote', 'Hollins Cross', 'Greywell', 'Amberley', 'Duncaster', 'Fenwick', 'Calder Point', 'Mistral Heights', 'Ashby', 'Penrith Moor'];
const ADJ = ['rising', 'unpaid', 'delayed', 'emergency', 'seasonal', 'overdue', 'public', 'private', 'urban', 'contested', 'temporary', 'permanent', 'annual', 'unexpected', 'modest', 'steep', 'chronic', 'disputed', 'local', 'cross-border', 'long-term', 'short-term', 'outdated', 'expensive', 'affordable', 'crumbling', 'subsidised', 'record', 'hidden', 'planned'];
const NOUNS = ['water rates', 'school meals', 'waiting times', 'fuel subsidies', 'bus fares', 'wages', 'rents', 'carbon levies', 'teacher salaries', 'pensions', 'broadband contracts', 'flood defences', 'ambulance shifts', 'tobacco taxes', 'childcare places', 'road repairs', 'fishing quotas', 'grain exports', 'housing permits', 'electricity bills', 'vaccination targets', 'apprenticeships', 'sewage pipes', 'tuition fees', 'shelter beds', 'bridge inspections', 'hospital beds', 'court backlogs', 'tram lines', 'grants', 'pay rises', 'energy tariffs', 'library hours', 'ferry routes', 'landfill sites', 'factory orders', 'mortgage rates', 'rail timetables', 'sick leave rules', 'budget reserves'];
const GROUPS = ['households', 'pensioners', 'small businesses', 'nurses', 'commuters', 'tenants', 'farmers', 'students', 'first-time buyers', 'shift workers', 'families', 'migrant workers', 'shopkeepers', 'bus drivers', 'carers', 'fishermen', 'landlords', 'taxi drivers', 'graduates', 'cleaners', 'patients', 'voters', 'engineers', 'exporters'];
const VERBS = ['approved', 'rejected', 'postponed', 'cut', 'doubled', 'froze', 'expanded', 'reviewed', 'suspended', 'restored', 'overhauled', 'capped', 'extended', 'scrapped', 'audited', 'defended', 'questioned', 'blocked', 'funded', 'halved', 'trimmed', 'renegotiated', 'challenged', 'endorsed', 'delayed'];
const CHANGE = ['rose', 'fell', 'climbed', 'dropped', 'doubled', 'stagnated', 'slipped', 'jumped', 'recovered', 'plunged', 'edged up', 'edged down'];
const REPORT = ['said', 'told reporters', 'argued', 'warned', 'noted', 'insisted', 'claimed', 'acknowledged', 'wrote', 'told lawmakers', 'said in an interview', 'conceded', 'predicted', 'stressed', 'added', 'cautioned', 'complained', 'recalled'];
const CONNECT = ['but', 'while', 'although', 'even though', 'and', 'because', 'after', 'before', 'as', 'since', 'until', 'whereas'];
const TIMES = ['last year', 'this spring', 'in the first quarter', 'over the winter', 'since the election', 'within months', 'by the end of the decade', 'in recent weeks', 'two years ago', 'during the pandemic', 'over the summer', 'this week', 'in 2019', 'in 2021', 'after the floods', 'before the audit'];
const OPINIONS = ['a reckless gamble', 'long overdue', 'a betrayal of voters', 'a sensible compromise', 'deeply unfair', 'the only responsible choice', 'a cynical stunt', 'a step in the right direction', 'unworkable in practice', 'a historic mistake', 'a quiet scandal', 'a lifeline', 'an accounting trick', 'a warning sign', 'good news for nobody'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HEDGES = ['', '', '', 'roughly ', 'nearly ', 'about ', 'more than ', 'almost ', 'just under ', 'at least '];
const UNITS = ['percent', 'million euros', 'thousand people', 'days', 'weeks', 'kilometres', 'schools', 'jobs', 'homes', 'billion euros'];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const person = (r: Rand): string => `${pick(r, FIRST)} ${pick(r, LAST)}`;
const org = (r: Rand): string => `the ${r() < 0.6 ? `${pick(r, ORG_ADJ)} ` : ''}${pick(r, ORG_NOUN)}`;
function amount(r: Rand): string {
  const unit = pick(r, UNITS);
  return `${pick(r, HEDGES)}${unit === 'percent' ? int(r, 2, 95) : int(r, 2, 990)} ${unit}`;
}

/** A noun phrase: "the delayed bridge inspections in Saltcote", "pensioners' rents", … */
function nounPhrase(r: Rand): string {
  const roll = r();
  const adj = r() < 0.5 ? `${pick(r, ADJ)} ` : '';
  if (roll < 0.3) return `${pick(r, ['the', 'its', 'their', 'these', 'local'])} ${adj}${pick(r, NOUNS)}`;
  if (roll < 0.55) return `${adj}${pick(r, NOUNS)} in ${pick(r, PLACES)}`;
  if (roll < 0.75) return `${pick(r, GROUPS)}’ ${adj}${pick(r, NOUNS)}`;
  if (roll < 0.9) return `${amount(r)} of ${adj}${pick(r, NOUNS)}`;
  return `the ${adj}${pick(r, NOUNS)} of ${org(r)}`;
}

function subject(r: Rand): string {
  const roll = r();
  if (roll < 0.35) return org(r);
  if (roll < 0.6) return `${person(r)}, the ${pick(r, ROLES)}${r() < 0.4 ? ` of ${pick(r, PLACES)}` : ''},`;
  if (roll < 0.8) return `${pick(r, ['most', 'many', 'some', 'few', 'younger', 'older', 'local'])} ${pick(r, GROUPS)}`;
  return `the ${pick(r, ROLES)}`;
}

/** One main clause, assembled from independent slots so that long verbatim repeats are rare. */
function clause(r: Rand): string {
  switch (int(r, 0, 5)) {
    case 0:
      return `${subject(r)} ${pick(r, VERBS)} ${nounPhrase(r)} ${pick(r, TIMES)}`;
    case 1:
      return `${nounPhrase(r)} ${pick(r, CHANGE)} by ${amount(r)} ${pick(r, TIMES)}`;
    case 2:
      return `${int(r, 3, 97)} percent of ${pick(r, GROUPS)} in ${pick(r, PLACES)} ${pick(r, ['opposed', 'backed', 'feared', 'welcomed', 'ignored'])} ${nounPhrase(r)}`;
    case 3:
      return `${subject(r)} spent ${amount(r)} on ${nounPhrase(r)} on ${pick(r, DAYS)}`;
    case 4:
      return `${nounPhrase(r)} ${pick(r, ['cost', 'saved', 'left', 'employed', 'affected'])} ${amount(r)} in ${pick(r, MONTHS)} ${int(r, 1998, 2025)}`;
    default:
      return `${subject(r)} called ${nounPhrase(r)} ${pick(r, OPINIONS)}`;
  }
}

function sentence(r: Rand): string {
  switch (int(r, 0, 6)) {
    case 0:
      return `${cap(clause(r))}, ${pick(r, CONNECT)} ${clause(r)}.`;
    case 1:
      return `${person(r)}, ${pick(r, ['a', 'the'])} ${pick(r, ROLES)}, ${pick(r, REPORT)} that ${clause(r)}.`;
    case 2:
      return `“${cap(clause(r))},” ${pick(r, REPORT)} ${person(r)}${r() < 0.5 ? `, who ${pick(r, ['represents', 'grew up in', 'runs a business in', 'campaigns in'])} ${pick(r, PLACES)}` : ''}.`;
    case 3:
      return `According to ${org(r)}, ${clause(r)}.`;
    case 4:
      return `In ${pick(r, MONTHS)} ${int(r, 1998, 2025)}, ${clause(r)}${r() < 0.5 ? `, ${pick(r, REPORT).split(' ')[0]} ${person(r)}` : ''}.`;
    case 5:
      return `${cap(clause(r))}.`;
    default:
      return `${cap(clause(r))} ${pick(r, CONNECT)} ${clause(r)}, ${pick(r, ['officials said', 'records show', 'the data suggest', 'a review found', 'critics say', 'figures released on ' + pick(r, DAYS) + ' show'])}.`;
  }
}

export function paragraph(r: Rand): string {
  const count = int(r, 4, 7);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(sentence(r));
  return parts.join(' ');
}

/** Words edits swap in: plausible replacements a sub-editor might make. */
const REPLACEMENTS = ['sharply', 'officials', 'regional', 'recent', 'annual', 'local', 'several', 'major', 'public', 'national', 'new', 'key', 'reported', 'latest', 'disputed', 'planned', 'current', 'proposed', 'significant', 'critics'];

export interface Span {
  start: number;
  end: number;
}

export interface BenchCase {
  name: 'unchanged' | 'edited' | 'orphans';
  /** Paragraphs of the page the annotations are anchored on (the first is the headline). */
  pageParagraphs: string[];
  targets: Selector[][];
  /** Where each annotation belongs on that page, or null when its text is gone. */
  truth: Array<Span | null>;
}

export interface BenchCorpus {
  cases: BenchCase[];
  textLength: number;
}

export const textOf = (paragraphs: readonly string[]): string => paragraphs.join('\n');

/** Word-boundary spans of 20–300 characters inside paragraph `p` of `paragraphs`. */
function randomSpan(r: Rand, paragraphs: readonly string[], allowed: readonly number[]): Span {
  for (;;) {
    const p = pick(r, allowed);
    const para = paragraphs[p]!;
    let offset = 0;
    for (let i = 0; i < p; i++) offset += paragraphs[i]!.length + 1;
    const wordStarts: number[] = [];
    const re = /\S+/g;
    for (let m = re.exec(para); m; m = re.exec(para)) wordStarts.push(m.index);
    const from = wordStarts[int(r, 0, wordStarts.length - 1)]!;
    const target = int(r, 20, 300);
    // End at the end of the word that reaches the target length, within 20–300 and the paragraph.
    let to = from + target;
    if (to > para.length) continue;
    while (to < para.length && !/\s/.test(para[to]!)) to++;
    if (to - from > 300) {
      to = from + target;
      while (to > from && !/\s/.test(para[to - 1]!)) to--;
      while (to > from && /\s/.test(para[to - 1]!)) to--;
    }
    if (to - from < 20 || to - from > 300) continue;
    return { start: offset + from, end: offset + to };
  }
}

/** Replaces a few words of a paragraph; returns the new paragraph and an old→new offset map. */
function editWords(r: Rand, para: string, count: number): { text: string; map: Int32Array } {
  const words: Span[] = [];
  const re = /[A-Za-z]{4,}/g;
  for (let m = re.exec(para); m; m = re.exec(para)) words.push({ start: m.index, end: m.index + m[0].length });
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, words.length)) chosen.add(int(r, 0, words.length - 1));
  const map = new Int32Array(para.length + 1);
  let out = '';
  let cursor = 0;
  for (const w of [...chosen].sort((a, b) => a - b).map((i) => words[i]!)) {
    for (let i = cursor; i < w.start; i++) map[i] = out.length + (i - cursor);
    out += para.slice(cursor, w.start);
    const old = para.slice(w.start, w.end);
    let replacement = pick(r, REPLACEMENTS);
    if (replacement === old) replacement = `${replacement}ly`;
    const newStart = out.length;
    out += replacement;
    // Characters inside a replaced word map proportionally onto its replacement.
    for (let i = w.start; i < w.end; i++) {
      map[i] = newStart + Math.floor(((i - w.start) * replacement.length) / old.length);
    }
    cursor = w.end;
  }
  for (let i = cursor; i <= para.length; i++) map[i] = out.length + (i - cursor);
  out += para.slice(cursor);
  return { text: out, map };
}

export function generateCorpus(seed = 20261125, annotations = 500): BenchCorpus {
  const r = rng(seed);
  const headline = 'Water, wages and waiting lists: how the regions voted this year';
  const body: string[] = [];
  let length = headline.length;
  while (length < 82_000) {
    const p = paragraph(r);
    body.push(p);
    length += p.length + 1;
  }
  const page = [headline, ...body];
  const pageText = textOf(page);
  const allParagraphs = page.map((_, i) => i);

  // 1. Unchanged: annotations on the page as it is.
  const spans = Array.from({ length: annotations }, () => randomSpan(r, page, allParagraphs));
  const targets = spans.map((s) => describeSpan(pageText, s.start, s.end));

  // 2. Edited: a few words changed in every paragraph, a paragraph inserted after the first one.
  const inserted = paragraph(r);
  const edited: string[] = [headline];
  const oldToNew = new Int32Array(pageText.length + 1);
  let oldOffset = headline.length + 1;
  let newOffset = headline.length + 1;
  for (let i = 0; i <= headline.length; i++) oldToNew[i] = i;
  body.forEach((para, i) => {
    if (i === 1) {
      edited.push(inserted);
      newOffset += inserted.length + 1;
    }
    const { text, map } = editWords(r, para, int(r, 3, 6));
    edited.push(text);
    for (let j = 0; j <= para.length; j++) oldToNew[oldOffset + j] = newOffset + map[j]!;
    oldOffset += para.length + 1;
    newOffset += text.length + 1;
  });
  const editedTruth = spans.map((s) => ({ start: oldToNew[s.start]!, end: oldToNew[s.end]! }));

  // 3. Orphans: annotations made when extra paragraphs stood between the current ones, since removed.
  const withRemoved: string[] = [headline];
  const removedIndexes: number[] = [];
  body.forEach((para, i) => {
    withRemoved.push(para);
    if (i % 2 === 1) {
      removedIndexes.push(withRemoved.length);
      withRemoved.push(paragraph(r));
    }
  });
  const oldText = textOf(withRemoved);
  const orphanTargets = Array.from({ length: annotations }, () => {
    const s = randomSpan(r, withRemoved, removedIndexes);
    return describeSpan(oldText, s.start, s.end);
  });

  return {
    textLength: pageText.length,
    cases: [
      { name: 'unchanged', pageParagraphs: page, targets, truth: spans },
      { name: 'edited', pageParagraphs: edited, targets, truth: editedTruth },
      { name: 'orphans', pageParagraphs: page, targets: orphanTargets, truth: orphanTargets.map(() => null) },
    ],
  };
}
