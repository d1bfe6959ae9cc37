// The CSV reader on the awkward parts of RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes.
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRows } from '../../../src/knowledge/parseCsv.js';

describe('parseCsvRows', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsvRows('a,"b, c","say ""hi""","two\nlines"\r\nx,,z\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['x', '', 'z'],
    ]);
  });

  it('keeps a last line with no line break and ignores a byte-order mark', () => {
    expect(parseCsvRows('\uFEFFh1,h2\n1,2')).toEqual([
      ['h1', 'h2'],
      ['1', '2'],
    ]);
  });
});

describe('parseCsv', () => {
  it('keys rows by the header', () => {
    expect(parseCsv('code,name\nE1,"York, City of"\n', 'x.csv')).toEqual([{ code: 'E1', name: 'York, City of' }]);
  });

  it('names the file and row when a row has the wrong number of cells', () => {
    expect(() => parseCsv('code,name\nE1,York,extra\n', 'x.csv')).toThrow(/x\.csv row 2 has 3 cells but the header has 2/);
  });
});
