// A small RFC 4180 CSV reader (quoted fields, doubled quotes, commas and newlines inside quotes) for data files.

/** Parses CSV text into rows of fields. Accepts CRLF or LF line endings and a trailing newline. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (index < text.length) {
    const character = text[index];
    if (quoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else {
          quoted = false;
        }
      } else {
        field += character;
      }
    } else if (character === '"' && field === '') {
      quoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += character;
    }
    index += 1;
  }
  if (quoted) {
    throw new Error(`parseCsv(): a quoted field never closes (row ${rows.length + 1}) because a closing " is missing. Check the file for a stray quote.`);
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into objects keyed by column name. */
export function parseCsvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((fields, rowIndex) => {
    if (fields.length !== header.length) {
      throw new Error(`parseCsvRecords(): row ${rowIndex + 2} has ${fields.length} fields because it does not match the header's ${header.length}. Check that row for an unquoted comma.`);
    }
    return Object.fromEntries(header.map((name, column) => [name, fields[column] ?? '']));
  });
}
