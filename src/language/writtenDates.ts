// Reads the written dates parents type most ("3 March 2026", "March 3rd", "the 3rd of March", "yesterday") without the
// full date recogniser, giving the same words and the same candidate days it would, so both are resolved alike.
import { isoDate, maskSpans, toIso } from './britishDates.js';
import { mayHoldDate } from './recogniserSignals.js';

export interface WrittenDate {
  /** The words the date was read from, lower-cased as the recogniser reports them. */
  text: string;
  start: number;
  end: number;
  /** ISO days in the recogniser's shape: one for a full date; with no year, the latest on or before today and the next. */
  values: string[];
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:,? +((?:19|20)\\d\\d))?';
// "the 3rd of March 2026" | "March 3rd, 2026" | "today" | "yesterday". The recogniser keeps a leading "the" only day first.
const WRITTEN_DATE = new RegExp(
  `\\b(?:(?:the +)?${DAY}(?: +of)? +${MONTH}${YEAR}|${MONTH} +${DAY}${YEAR}|(today|yesterday))(?![\\p{L}\\p{N}])`,
  'giu',
);
const MONTH_WORD = new RegExp(`^${MONTH}$`);

// Next to these words the recogniser reads a date as part of something bigger (a range, "since", "the week of",
// "yesterday 3 March", "3 March at noon") or gives it a modifier and so drops it.
const CHANGES_A_DATE = new Set([
  'from', 'between', 'before', 'after', 'since', 'by', 'until', 'untill', 'till', 'til', 'to', 'through', 'thru', 'or',
  'above', 'greater', 'around', 'circa', 'about', 'approx', 'approximately', 'than', 'as', 'of', 'in', 'at', 'ending',
  'starting', 'beginning', 'commencing', 'start', 'end', 'middle', 'mid', 'early', 'earlier', 'late', 'later', 'ago',
  'hence', 'onwards', 'onward', 'this', 'next', 'last', 'past', 'previous', 'following', 'coming', 'upcoming', 'current',
  'every', 'each', 'today', 'yesterday', 'date', 'am', 'pm', 'oclock', "o'clock", 'sharp', 'ish', 'w/c',
]);
// Punctuation the recogniser reads as a range, a time, a comparison or a bracketed weekday.
const JOINING_MARK = /[-–—~/\\:<>=&+(]/;
const DIGIT = /[\d\uFF10-\uFF19]/;
// "3 March 2026 was the end of" is read as one unresolved date-time, however far apart the two are.
const ENDS_WITH_END_OF = /\bend of(?:\s+the)?\s*$/;

/**
 * The written dates in `text`, or undefined when the recogniser might read any of them differently: next to a word that
 * changes a date, or with anything else date-like in the message, which it can join to a date from afar ("every evening
 * after school, ... today" is one time range). Then the caller leaves the whole message to the recogniser.
 * `recogniserDay` is the reference date the recogniser is given; like the recogniser, today is its local calendar day.
 */
export function findWrittenDates(text: string, recogniserDay: Date): WrittenDate[] | undefined {
  // The recogniser reports positions in its lower-cased copy; where lower-casing changes the length they would differ.
  const lower = text.toLowerCase();
  if (lower.length !== text.length || ENDS_WITH_END_OF.test(lower)) return undefined;
  const found: WrittenDate[] = [];
  for (const m of lower.matchAll(WRITTEN_DATE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!standsAlone(lower, start, end)) return undefined;
    const values = candidateDays(m, recogniserDay);
    // An impossible day ("31 February") stays with the recogniser, which reads it and finds no date, as before.
    if (!values) return undefined;
    found.push({ text: m[0], start, end, values });
  }
  if (found.length > 0 && mayHoldDate(maskSpans(lower, found))) return undefined;
  return found;
}

function candidateDays(m: RegExpMatchArray, recogniserDay: Date): string[] | undefined {
  const today = Date.UTC(recogniserDay.getFullYear(), recogniserDay.getMonth(), recogniserDay.getDate());
  if (m[7] === 'today') return [toIso(new Date(today))];
  if (m[7] === 'yesterday') return [toIso(new Date(today - 86_400_000))];
  const dayFirst = m[1] !== undefined;
  const day = Number(dayFirst ? m[1] : m[5]);
  const month = MONTHS[(dayFirst ? m[2] : m[4])?.slice(0, 3) ?? ''] as number;
  const yearText = dayFirst ? m[3] : m[6];
  if (yearText !== undefined) {
    const date = isoDate(Number(yearText), month, day);
    return date ? [date] : undefined;
  }
  return yearlessCandidates(month, day, toIso(new Date(today)));
}

/** Without a year the recogniser offers the latest such day on or before today, and the next one after that. */
function yearlessCandidates(month: number, day: number, today: string): string[] | undefined {
  const thisYear = Number(today.slice(0, 4));
  // 29 February comes round only in leap years, so look back and forward far enough to meet one.
  const latest = yearsFrom(thisYear, -1).map((y) => isoDate(y, month, day)).find((d) => d !== undefined && d <= today);
  if (!latest) return undefined;
  const next = yearsFrom(Number(latest.slice(0, 4)) + 1, 1).map((y) => isoDate(y, month, day)).find((d) => d !== undefined);
  return next ? [latest, next] : undefined;
}

function yearsFrom(first: number, step: 1 | -1): number[] {
  return Array.from({ length: 9 }, (_, i) => first + i * step);
}

/** True when nothing either side could make the recogniser read this date differently. */
function standsAlone(lower: string, start: number, end: number): boolean {
  const before = lower.slice(0, start);
  const after = lower.slice(end);
  if (JOINING_MARK.test(before.trimEnd().slice(-1)) || JOINING_MARK.test(after.trimStart().charAt(0))) return false;
  const near = [...before.split(/\s+/).filter(Boolean).slice(-2), ...after.split(/\s+/).filter(Boolean).slice(0, 2)];
  // Another date right next to this one may be read with it ("3 March 2026 4 April", "March 3 2026, April 4").
  if (near.some((w) => DIGIT.test(w) || MONTH_WORD.test(bare(w)))) return false;
  // Plurals count too ("fridays").
  return !near.map(bare).some((w) => CHANGES_A_DATE.has(w) || CHANGES_A_DATE.has(w.replace(/s$/, '')));
}

/** A word without a final "'s" or outer punctuation, so "w/c" and "o'clock" stay whole. */
function bare(word: string): string {
  return word.replace(/['’]s$/, '').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}
