/**
 * Tab-separated values with RFC 4180 quoting (a tab where CSV has a comma): a field that holds a tab,
 * a newline or a double quote is wrapped in double quotes, and a double quote inside it is doubled.
 * The check-worthiness corpus is written this way, so a plain `split('\t')` would keep the quotes.
 */

export type TsvRow = Record<string, string>;

/** Parses TSV text into rows of string fields (the first row is not treated specially). */
export function parseTsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  while (i < n) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      // Quoted field: runs to the next lone double quote.
      i++;
      for (;;) {
        if (i >= n) throw new Error('TSV: unterminated quoted field');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      atFieldStart = false;
      continue;
    }
    if (ch === '\t') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  // A blank line is not a record.
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Parses TSV with a header row into objects keyed by the header's column names. */
export function parseTsv(text: string): { columns: string[]; rows: TsvRow[] } {
  const records = parseTsvRecords(text.replace(/^\uFEFF/, ''));
  const header = records.shift();
  if (!header) return { columns: [], rows: [] };
  const columns = header.map((c) => c.trim());
  const rows = records.map((record, r) => {
    if (record.length !== columns.length) {
      throw new Error(`TSV: row ${r + 2} has ${record.length} fields, header has ${columns.length}`);
    }
    const row: TsvRow = {};
    columns.forEach((c, k) => (row[c] = record[k]!));
    return row;
  });
  return { columns, rows };
}

function quoteField(value: string): string {
  return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as TSV with a header, quoting fields the way `parseTsv` reads them. */
export function formatTsv(columns: readonly string[], rows: readonly TsvRow[]): string {
  const lines = [columns.map(quoteField).join('\t')];
  for (const row of rows) lines.push(columns.map((c) => quoteField(row[c] ?? '')).join('\t'));
  return lines.join('\n') + '\n';
}

/** Rows of a labelled sentence file: id, 0/1 label, text. */
export interface LabelledSentence {
  id: string;
  label: 0 | 1;
  text: string;
}

export function readLabelledSentences(text: string): LabelledSentence[] {
  const { columns, rows } = parseTsv(text);
  for (const c of ['id', 'label', 'text']) {
    if (!columns.includes(c)) throw new Error(`TSV: missing column "${c}"`);
  }
  return rows.map((row) => {
    const label = row.label!.trim();
    if (label !== '0' && label !== '1') throw new Error(`TSV: label of ${row.id} is "${label}", not 0 or 1`);
    return { id: row.id!, label: label === '1' ? 1 : 0, text: row.text! };
  });
}
