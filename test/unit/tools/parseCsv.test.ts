import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../../../src/tools/parseCsv.js';
import { loadEnglishUpperTierCouncils } from '../../support/councilFixture.js';

describe('parseCsv', () => {
  it('reads plain and quoted fields, doubled quotes, and commas and newlines inside quotes', () => {
    expect(parseCsv('a,b,c\n"x, y","say ""hi""","line\none"\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line\none'],
    ]);
  });

  it('accepts CRLF, a byte-order mark, empty fields and no final newline', () => {
    expect(parseCsv('\uFEFFa,,c\r\n1,2,')).toEqual([['a', '', 'c'], ['1', '2', '']]);
  });

  it('reports a quote that never closes', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted field never closes/);
  });

  it('maps rows to the header and reports a row of the wrong width', () => {
    expect(parseCsvRecords('k,v\n1,2\n')).toEqual([{ k: '1', v: '2' }]);
    expect(() => parseCsvRecords('k,v\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
  });

  it('reads the councils file into the 153 English upper-tier councils', () => {
    const councils = loadEnglishUpperTierCouncils();
    expect(councils).toHaveLength(153);
    expect(new Set(councils.map((council) => council.code)).size).toBe(153);
    expect(councils.find((council) => council.code === 'E10000003')).toMatchObject({ name: 'Cambridgeshire', officialName: 'Cambridgeshire County Council' });
  });
});
