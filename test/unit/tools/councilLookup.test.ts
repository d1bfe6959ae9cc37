import { describe, expect, it } from 'vitest';
import type { CouncilLookupResult } from '../../../src/tools/councilLookup.js';
import { MAX_OPTIONS, councilNameTokens, createCouncilMatcher, damerauLevenshtein, lookupCouncil } from '../../../src/tools/councilLookup.js';
import { loadEnglishUpperTierCouncils } from '../../support/councilFixture.js';

const councils = loadEnglishUpperTierCouncils();
const find = createCouncilMatcher(councils);

const describeResult = (result: CouncilLookupResult) =>
  result.kind === 'match' ? result.council.name : result.kind === 'ambiguous' ? result.options.map((c) => c.name) : 'none';

describe('clear matches, including nicknames, short forms and typos', () => {
  it.each([
    ['cambs', 'Cambridgeshire'],
    ['Cambridgeshire County Council', 'Cambridgeshire'],
    ['cambrideshire', 'Cambridgeshire'],
    ['brum', 'Birmingham'],
    ['birmingam', 'Birmingham'],
    ['city of york', 'York'],
    ['York', 'York'],
    ['Bristol', 'City of Bristol'],
    ['bristol city council', 'City of Bristol'],
    ['north yorks', 'North Yorkshire'],
    ['North Yorkshire', 'North Yorkshire'],
    ['northyorkshire', 'North Yorkshire'],
    ['cornwal', 'Cornwall'],
    ['westminster', 'Westminster'],
    ['westminister', 'Westminster'],
    ['Durham', 'County Durham'],
    ['county durham', 'County Durham'],
    ['Bedford', 'Bedford'],
    ['herts', 'Hertfordshire'],
    ['notts', 'Nottinghamshire'],
    ['Nottingham', 'Nottingham'],
    ['lincolnshire', 'Lincolnshire'],
    ['somerset', 'Somerset'],
    ['hull', 'Kingston upon Hull'],
    ['tower hamelts', 'Tower Hamlets'],
    ['St Helens', 'St. Helens'],
    ['saint helens', 'St. Helens'],
    ['brighton & hove', 'Brighton and Hove'],
    ['stoke-on-trent', 'Stoke-on-Trent'],
    ['southend', 'Southend-on-Sea'],
    ['I live in Leeds', 'Leeds'],
    ['  MANCHESTER!! ', 'Manchester'],
    ['city of london', 'City of London'],
    ['bcp', 'Bournemouth, Christchurch and Poole'],
    ['B&NES', 'Bath and North East Somerset'],
    ['isle of wight', 'Isle of Wight'],
  ])('"%s" is %s', (typed, expected) => {
    expect(describeResult(find(typed))).toBe(expected);
  });
});

describe('ambiguous names give a short list to choose from', () => {
  it.each([
    ['cheshire', ['Cheshire East', 'Cheshire West and Chester']],
    ['bedfordshire', ['Bedford', 'Central Bedfordshire']],
    ['beds', ['Bedford', 'Central Bedfordshire']],
    ['northants', ['North Northamptonshire', 'West Northamptonshire']],
    ['sussex', ['East Sussex', 'West Sussex']],
    ['kingston', ['Kingston upon Hull', 'Kingston upon Thames']],
  ])('"%s" offers %j', (typed, expected) => {
    const result = find(typed);
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') expect(result.options.map((c) => c.name).sort()).toEqual([...expected].sort());
  });

  it('"yorkshire" offers York and the Yorkshire councils, not a guess', () => {
    const result = find('yorkshire');
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') {
      expect(result.options.map((c) => c.name)).toEqual(expect.arrayContaining(['North Yorkshire', 'East Riding of Yorkshire']));
    }
  });

  it('asks to confirm when a name only partly matches one council', () => {
    expect(describeResult(find('berkshire'))).toEqual(['West Berkshire']);
    expect(describeResult(find('cambridge'))).toEqual(['Cambridgeshire']);
  });

  it('never offers more than 5 options', () => {
    for (const typed of ['bar', 'north somerset lincolnshire tyneside', 'ham', 'wes']) {
      const result = find(typed);
      if (result.kind === 'ambiguous') expect(result.options.length).toBeLessThanOrEqual(MAX_OPTIONS);
    }
  });
});

describe('no match', () => {
  it.each(['', '   ', 'hello', 'xyzzy', 'london', 'north', 'west', 'the council', 'Cardiff', 'Glasgow'])('"%s" finds nothing', (typed) => {
    expect(find(typed)).toEqual({ kind: 'none' });
  });
});

describe('every council can be found by its own names', () => {
  it('matches each council by its name and by its official name', () => {
    for (const council of councils) {
      expect(describeResult(find(council.name)), council.name).toBe(council.name);
      expect(describeResult(find(council.officialName)), council.officialName).toBe(council.name);
    }
  });

  it('matches each council by its name with one letter dropped (names of 8 letters or more)', () => {
    for (const council of councils.filter((c) => c.name.replace(/\W/g, '').length >= 8)) {
      const typo = council.name.slice(0, 3) + council.name.slice(4);
      const result = find(typo);
      const found = result.kind === 'match' ? [result.council.name] : result.kind === 'ambiguous' ? result.options.map((c) => c.name) : [];
      expect(found, typo).toContain(council.name);
    }
  });
});

describe('building blocks', () => {
  it('reduces names to the words that tell councils apart', () => {
    expect(councilNameTokens('London Borough of Hammersmith & Fulham')).toEqual(['hammersmith', 'fulham']);
    expect(councilNameTokens('City of London')).toEqual(['city', 'of', 'london']);
    expect(councilNameTokens('City of', false)).toEqual([]);
    expect(councilNameTokens('North Yorks')).toEqual(['north', 'yorkshire']);
  });

  it('counts adjacent swaps as one edit', () => {
    expect(damerauLevenshtein('hamlets', 'hamelts')).toBe(1);
    expect(damerauLevenshtein('cornwal', 'cornwall')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
  });

  it('offers a one-off lookup too', () => {
    expect(describeResult(lookupCouncil('cambs', councils))).toBe('Cambridgeshire');
  });
});
