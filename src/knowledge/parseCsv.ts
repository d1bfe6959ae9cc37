// A small RFC 4180 CSV reader (quoted fields, doubled quotes, commas and newlines inside quotes) returning rows as records.

export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows keyed by the header line; a row with the wrong number of cells is an error naming its line. */
export function parseCsv(text: string, file: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return [];
  return rows
    .filter((cells) => !(cells.length === 1 && cells[0] === ''))
    .map((cells, index) => {
      if (cells.length !== header.length) {
        throw new Error(`parseCsv(): ${file} row ${index + 2} has ${cells.length} cells but the header has ${header.length} because a quote or comma is out of place. Fix that row.`);
      }
      return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
    });
}
