import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, addWeeks, daysBetween, daysInMonth, formatUkDate, isIsoDate, isLeapYear, isoWeekday,
  parseIsoDate, tryParseIsoDate, ukToday, wholeMonthsBetween,
} from '../../../src/tools/ukDate.js';

describe('parsing ISO dates strictly', () => {
  it.each(['2026-04-14', '2028-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (text) => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    ['not a real day', '2026-02-29'],
    ['1900 was not a leap year', '1900-02-29'],
    ['month 13', '2026-13-01'],
    ['day 0', '2026-04-00'],
    ['31 April', '2026-04-31'],
    ['no leading zeros', '2026-4-14'],
    ['UK order', '14/04/2026'],
    ['a time attached', '2026-04-14T00:00:00Z'],
    ['spaces', ' 2026-04-14'],
    ['empty', ''],
  ])('refuses %s', (_why, text) => {
    expect(tryParseIsoDate(text)).toBeUndefined();
  });

  it('names the caller and the fix when it throws', () => {
    expect(() => parseIsoDate('14/04/2026', 'myTool()')).toThrow(/^myTool\(\): "14\/04\/2026" is not a usable date because .*yyyy-mm-dd/);
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian rules', () => {
    expect([2024, 2028, 2000].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 2100, 1900].map(isLeapYear)).toEqual([false, false, false]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 9)).toBe(30);
  });
});

describe('UK date wording', () => {
  it('writes "Tuesday 14 April 2026": weekday, no leading zero, no comma', () => {
    expect(formatUkDate('2026-04-14')).toBe('Tuesday 14 April 2026');
    expect(formatUkDate('2026-11-01')).toBe('Sunday 1 November 2026');
    expect(formatUkDate('2028-02-29')).toBe('Tuesday 29 February 2028');
  });

  it('can leave out the weekday', () => {
    expect(formatUkDate('2017-05-04', { weekday: false })).toBe('4 May 2017');
  });

  it('agrees with Intl en-GB for every day of two years', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let day = 0; day < 731; day += 1) {
      const iso = addDays('2027-01-01', day);
      expect(formatUkDate(iso)).toBe(intl.format(new Date(`${iso}T12:00:00Z`)).replace(',', ''));
    }
  });

  it('gives ISO weekdays with Monday as 1', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-31')).toBe(3);
  });
});

describe('adding days and weeks on the calendar', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('is not moved by the clocks changing (last Sundays of March and October)', () => {
    // 29 March 2026 and 25 October 2026 are the change days; a week is always 7 calendar days.
    expect(addWeeks('2026-03-26', 1)).toBe('2026-04-02');
    expect(addWeeks('2026-10-22', 1)).toBe('2026-10-29');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('counts days in either direction', () => {
    expect(daysBetween('2026-04-14', '2026-11-23')).toBe(223);
    expect(daysBetween('2026-11-23', '2026-04-14')).toBe(-223);
  });
});

describe('adding months: same date, or the last day of a shorter month', () => {
  it.each([
    ['2026-12-31', 2, '2027-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2026-01-15', 2, '2026-03-15'],
    ['2026-11-15', 2, '2027-01-15'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });

  it('counts whole months only once the day is reached', () => {
    expect(wholeMonthsBetween('2026-01-15', '2026-03-14')).toBe(1);
    expect(wholeMonthsBetween('2026-01-15', '2026-03-15')).toBe(2);
    expect(wholeMonthsBetween('2026-12-31', '2027-02-28')).toBe(2);
    expect(wholeMonthsBetween('2026-03-15', '2026-01-15')).toBe(0);
  });
});

describe('today in the UK from a clock', () => {
  it('uses UK time, not UTC, during British Summer Time', () => {
    expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('turns over at UK midnight even when asked again within the same minute of the day before', () => {
    expect(ukToday(new Date('2026-06-30T22:59:59.999Z'))).toBe('2026-06-30');
    expect(ukToday(new Date('2026-06-30T23:00:00.000Z'))).toBe('2026-07-01');
    expect(ukToday(new Date('2026-12-31T23:59:30Z'))).toBe('2026-12-31');
    expect(ukToday(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(ukToday(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
    expect(ukToday(new Date('2026-06-30T22:59:00Z'))).toBe('2026-06-30');
  });
});
