/**
 * JSON-LD context of a ClaimLens export. The W3C annotation context defines the annotation itself;
 * the second context gives IRIs to ClaimLens's own terms: the assessment body (verdict, note, tags,
 * sources) and the extension field `sourceNotes`, which carries the SourceNote records the
 * annotations link to, so an export is complete on its own. The namespace IRI is an identifier
 * only; nothing is ever fetched from it.
 */
import { ANNOTATION_CONTEXT } from './model';

export const CLAIMLENS_NS = 'https://claimlens.example/ns#';

export const CLAIMLENS_CONTEXT = {
  cl: CLAIMLENS_NS,
  schema: 'https://schema.org/',
  ClaimLensAssessment: 'cl:Assessment',
  SourceNote: 'cl:SourceNote',
  verdict: 'cl:verdict',
  note: 'cl:note',
  tags: 'cl:tags',
  sources: { '@id': 'cl:sources', '@type': '@id', '@container': '@set' },
  claim: 'cl:claim',
  kinds: 'cl:kinds',
  speaker: 'cl:speaker',
  sourceNotes: { '@id': 'cl:sourceNotes', '@container': '@set' },
  schemaVersion: 'cl:schemaVersion',
  title: 'schema:name',
  url: { '@id': 'schema:url', '@type': '@id' },
  publisher: 'schema:publisher',
  date: 'schema:datePublished',
  excerpt: 'cl:excerpt',
  reliability: 'cl:reliability',
} as const;

export const EXPORT_CONTEXT = [ANNOTATION_CONTEXT, CLAIMLENS_CONTEXT] as const;
