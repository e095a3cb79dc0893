/**
 * What `npm run score-claims` computes: each row's check-worthiness by its id. Only the `id` and
 * `text` columns are read; any other column (a label among them) is never looked at.
 */
import { parseTsv } from './tsv';

export function scoreTsv(tsv: string, score: (text: string) => number): Record<string, number> {
  const { columns, rows } = parseTsv(tsv);
  if (!columns.includes('id') || !columns.includes('text')) throw new Error('the TSV header needs "id" and "text"');
  const scores: Record<string, number> = {};
  for (const { id, text } of rows) scores[id!] = Number(score(text!).toFixed(6));
  return scores;
}
