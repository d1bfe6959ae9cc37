// Calendar-date arithmetic and UK-style wording for ISO dates (yyyy-mm-dd), free of clocks and time zones.
//
// Why calendar dates only: statutory time limits count days, weeks and months on the calendar. Working on
// plain dates (day numbers via Date.UTC, which has no daylight saving) means a deadline can never move by a
// day when the clocks change.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface CalendarDate {
  year: number;
  /** 1 = January ... 12 = December. */
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads a strict ISO calendar date; anything else (times, slashes, 30 February) is refused. */
export function tryParseIsoDate(text: string): CalendarDate | undefined {
  const found = ISO_DATE.exec(text);
  if (!found) return undefined;
  const year = Number(found[1]);
  const month = Number(found[2]);
  const day = Number(found[3]);
  if (year < 1900 || year > 2999) return undefined;
  if (month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return tryParseIsoDate(text) !== undefined;
}

export function parseIsoDate(text: string, where = 'parseIsoDate()'): CalendarDate {
  const date = tryParseIsoDate(text);
  if (!date) {
    throw new Error(
      `${where}: "${text.slice(0, 40)}" is not a usable date because it must be a real calendar date written yyyy-mm-dd ` +
        `(years 1900 to 2999). Pass an ISO date such as 2026-04-14.`,
    );
  }
  return date;
}

export function formatIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function toDayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const utc = new Date(dayNumber * DAY_MS);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

export function addDays(isoDate: string, days: number): string {
  return formatIsoDate(fromDayNumber(toDayNumber(parseIsoDate(isoDate, 'addDays()')) + days));
}

export function addWeeks(isoDate: string, weeks: number): string {
  return addDays(isoDate, weeks * 7);
}

/**
 * Moves to the same day of the month `months` later. When that month is too short the last day of the month
 * is used, so 1 month from 31 January is 28 February (29 February in a leap year) and 2 months from
 * 31 December is 28 or 29 February. This is the usual reading of "months" in time limits; the exact end of a
 * legal time limit is worth checking with SENDIASS when a day matters.
 */
export function addMonths(isoDate: string, months: number): string {
  const start = parseIsoDate(isoDate, 'addMonths()');
  const monthIndex = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return formatIsoDate({ year, month, day: Math.min(start.day, daysInMonth(year, month)) });
}

/** Whole days from `fromIso` to `toIso`: positive when `toIso` is later. */
export function daysBetween(fromIso: string, toIso: string): number {
  return toDayNumber(parseIsoDate(toIso, 'daysBetween()')) - toDayNumber(parseIsoDate(fromIso, 'daysBetween()'));
}

/** Whole calendar months from `fromIso` to `toIso` (not negative), counting a month only once its day is reached. */
export function wholeMonthsBetween(fromIso: string, toIso: string): number {
  const from = parseIsoDate(fromIso, 'wholeMonthsBetween()');
  const to = parseIsoDate(toIso, 'wholeMonthsBetween()');
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (months > 0 && addMonths(fromIso, months) > toIso) months -= 1;
  return Math.max(0, months);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  // Day 0 of the Unix epoch (1 January 1970) was a Thursday, ISO weekday 4.
  const dayNumber = toDayNumber(parseIsoDate(isoDate, 'isoWeekday()'));
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function weekdayName(isoWeekdayNumber: number): string {
  const name = WEEKDAYS[isoWeekdayNumber - 1];
  if (!name) throw new Error(`weekdayName(): ${isoWeekdayNumber} is not a weekday because ISO weekdays run 1 (Monday) to 7 (Sunday).`);
  return name;
}

export interface UkDateOptions {
  /** Start with the day of the week ("Tuesday 14 April 2026"). Default true. */
  weekday?: boolean;
}

/** "Tuesday 14 April 2026": GOV.UK style, no leading zero, no comma, no "th". */
export function formatUkDate(isoDate: string, options: UkDateOptions = {}): string {
  const date = parseIsoDate(isoDate, 'formatUkDate()');
  const monthName = MONTHS[date.month - 1] ?? '';
  const body = `${date.day} ${monthName} ${date.year}`;
  return options.weekday === false ? body : `${weekdayName(isoWeekday(isoDate))} ${body}`;
}

// Built once: constructing an Intl.DateTimeFormat costs about a millisecond, which showed up in every dated turn.
const UK_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The last answer, by minute: a turn asks several times, and formatting with a time zone is slow. UK clock changes
 * are whole hours, so the UK date can only change on a minute boundary.
 */
let lastToday: { minute: number; iso: string } | undefined;

/** Today's calendar date in the UK, for callers that hold a clock (tools themselves take `today` as a parameter). */
export function ukToday(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastToday?.minute === minute) return lastToday.iso;
  const parts = UK_DAY.formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const iso = `${get('year')}-${get('month')}-${get('day')}`;
  lastToday = { minute, iso };
  return iso;
}
