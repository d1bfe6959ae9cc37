import { describe, expect, it } from 'vitest';
import { findWrittenDates } from '../../../src/language/writtenDates.js';

// The day the recogniser would be given: noon UTC on Monday 23 November 2026, as recogniseEntities passes it.
const day = new Date(Date.UTC(2026, 10, 23, 12));
const read = (text: string, recogniserDay = day) => findWrittenDates(text, recogniserDay);

describe('findWrittenDates: the written forms', () => {
  it.each([
    ['the council got my request on 3 March 2026', '3 march 2026'],
    ['sent 3rd March 2026', '3rd march 2026'],
    ['sent 3rd of March 2026', '3rd of march 2026'],
    ['sent on the 3rd of March 2026', 'the 3rd of march 2026'],
    ['sent March 3, 2026', 'march 3, 2026'],
    ['sent March 3rd 2026', 'march 3rd 2026'],
    ['sent 3 Mar 2026', '3 mar 2026'],
    ['sent 3 March, 2026', '3 march, 2026'],
    ['sent 03 MARCH 2026', '03 march 2026'],
  ])('reads %j as 3 March 2026, in the words the recogniser reports', (text, words) => {
    const found = read(text);
    expect(found).toEqual([{ text: words, start: text.toLowerCase().indexOf(words), end: text.toLowerCase().indexOf(words) + words.length, values: ['2026-03-03'] }]);
  });

  it.each([
    ['4 Sept 2026', '2026-09-04'],
    ['4 Sep 2026', '2026-09-04'],
    ['Sept 4th 2026', '2026-09-04'],
    ['30 June 2025', '2025-06-30'],
    ['1 Jan 2026', '2026-01-01'],
    ['31 December 1999', '1999-12-31'],
    ['29 February 2028', '2028-02-29'],
  ])('reads the month in %j', (text, date) => {
    expect(read(text)?.map((d) => d.values)).toEqual([[date]]);
  });

  it('reads today and yesterday from the reference day', () => {
    expect(read('the letter came today')?.map((d) => d.values)).toEqual([['2026-11-23']]);
    expect(read('the letter came yesterday')?.map((d) => d.values)).toEqual([['2026-11-22']]);
    expect(read('yesterday', new Date(Date.UTC(2026, 2, 1, 12)))?.map((d) => d.values)).toEqual([['2026-02-28']]);
  });

  it('reads two dates in one message', () => {
    expect(read('we asked on 3 March 2026 and again on 4 April 2026')?.map((d) => d.text)).toEqual(['3 march 2026', '4 april 2026']);
  });

  it('finds nothing in a message without a written date', () => {
    expect(read('what does special educational needs actually mean')).toEqual([]);
    expect(read('my daughter may need more help in maths')).toEqual([]);
  });
});

describe('findWrittenDates: dates without a year', () => {
  // The recogniser's shape: the latest such day on or before today, then the one after; recogniseEntities then takes
  // the latest not after today, as it does for the recogniser's own answers.
  it.each([
    ['on 3 March', ['2026-03-03', '2027-03-03']],
    ['on 22 November', ['2026-11-22', '2027-11-22']],
    ['on 23 November', ['2026-11-23', '2027-11-23']],
    ['on 24 November', ['2025-11-24', '2026-11-24']],
    ['on 25 December', ['2025-12-25', '2026-12-25']],
    ['on 29 February', ['2024-02-29', '2028-02-29']],
  ])('offers %j as %j on 23 November 2026', (text, values) => {
    expect(read(text)?.map((d) => d.values)).toEqual([values]);
  });

  it('finds the latest 29 February on a leap day itself', () => {
    expect(read('on 29 February', new Date(Date.UTC(2028, 1, 29, 12)))?.map((d) => d.values)).toEqual([['2028-02-29', '2032-02-29']]);
  });
});

describe('findWrittenDates: left to the recogniser', () => {
  it.each([
    ['reference 31 February 2026', 'an impossible day, which the recogniser reads and resolves to nothing'],
    ['on 31 April', 'an impossible day without a year'],
    ['since 3 March 2026', 'a range with no end'],
    ['between 3 March and 5 March', 'a range'],
    ['from 3 March to 5 March', 'a range'],
    ['3 March 2026 at 10am', 'a date and time'],
    ['3 March 2026 - 5 March 2026', 'a range written with a dash'],
    ['on Tuesday 3 March', 'a weekday read with the date'],
    ['the week of 3 March', 'a week'],
    ['the day before yesterday', 'a day counted from yesterday'],
    ['3rd and 4th March', 'a day number nearby'],
    ['ten March 3', 'a written number nearby'],
    ['3 March 26', 'a two-digit year'],
    ['every evening after school, today', 'a time of day the recogniser joins to the date'],
    ['until today', 'a range up to today'],
  ])('%j (%s)', (text) => {
    expect(read(text)).toBeUndefined();
  });
});
