import { describe, expect, it } from 'vitest';
import { findBritishNumericDates } from '../../../src/language/britishDates.js';
import { recogniseEntities } from '../../../src/language/recogniseEntities.js';

// Monday 23 November 2026: every relative date below is worked out from this day.
const referenceDate = new Date(Date.UTC(2026, 10, 23, 9, 30));
const dates = (text: string) => recogniseEntities(text, { referenceDate }).dates.map((d) => d.date);

describe('recogniseEntities: dates', () => {
  it.each([
    ['I sent the letter on 3/4/2026', ['2026-04-03']],
    ['we emailed them 12/10/25', ['2025-10-12']],
    ['dated 03.04.2026', ['2026-04-03']],
    ['on 3/9 we asked again', ['2026-09-03']],
  ])('reads %j the British way (day first)', (text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it('does not read an impossible day/month as a date', () => {
    expect(dates('reference 31/2/2026')).toEqual([]);
    expect(findBritishNumericDates('13/13/2026', referenceDate)).toEqual([]);
  });

  it('does not read a fraction as a date', () => {
    expect(dates('about 3/4 of his class have help')).toEqual([]);
  });

  it.each([
    ['we asked on 3rd March', '2026-03-03'],
    ['the meeting was last Tuesday', '2026-11-17'],
    ['we applied 7 weeks ago', '2026-10-05'],
    ['the letter came yesterday', '2026-11-22'],
    ['request sent 1st September 2026', '2026-09-01'],
    ['we posted it on the 2nd of December', '2025-12-02'],
  ])('resolves %j against the reference date', (text, expected) => {
    expect(dates(text)).toEqual([expected]);
  });

  it('keeps the words each date was read from', () => {
    expect(recogniseEntities('we sent it on 3/4/2026', { referenceDate }).dates).toEqual([{ text: '3/4/2026', date: '2026-04-03' }]);
  });
});

describe('recogniseEntities: ages, school years, numbers', () => {
  it.each([
    ["he's 7 and struggling", [7]],
    ['my 12 year old son', [12]],
    ['she is twelve', [12]],
    ['aged 9', [9]],
    ['my 15-year-old daughter', [15]],
    ['he is 7 weeks behind', []],
    ['she is 100% sure', []],
  ])('ages in %j', (text, expected) => {
    expect(recogniseEntities(text, { referenceDate }).ages).toEqual(expected);
  });

  it.each([
    ['she is in Year 5', [5]],
    ['he started reception in September', [0]],
    ['my son is in year 11', [11]],
    ['Y6 SATs worry', [6]],
    ['yr 3', [3]],
    ['my 12 year old', []],
  ])('school years in %j', (text, expected) => {
    expect(recogniseEntities(text, { referenceDate }).schoolYears).toEqual(expected);
  });

  it('lists numbers that are not part of a date', () => {
    expect(recogniseEntities('we had 2 meetings on 3/4/2026', { referenceDate }).numbers).toEqual([2]);
  });
});

describe('recogniseEntities: yes or no', () => {
  it.each([
    ['yes please', true],
    ['Yeah', true],
    ['of course', true],
    ['nope', false],
    ['No', false],
    ['not really', false],
  ])('%j is %s', (text, expected) => {
    expect(recogniseEntities(text, { referenceDate }).yesNo).toBe(expected);
  });

  it('does not treat a longer message that contains "no" as an answer', () => {
    expect(recogniseEntities('the school said no to the assessment and i do not know why', { referenceDate }).yesNo).toBeUndefined();
  });
});
