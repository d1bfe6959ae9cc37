// Reads numeric dates the British way (day/month/year), which the English recogniser would read as month/day.
import type { RecognisedDate } from './types.js';

export interface DateSpan extends RecognisedDate {
  start: number;
  end: number;
}

// 3/4/2026, 03-04-26, 3.4.2026; and "on 3/4" (no year) only after a date word, so fractions are left alone.
const FULL = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-])/g;
const SHORT = /\b(?:on|since|from|by|before|after|until|till|dated)\s+(\d{1,2})\/(\d{1,2})(?![\d/.-])/gi;

export function findBritishNumericDates(text: string, reference: Date): DateSpan[] {
  const spans: DateSpan[] = [];
  for (const m of text.matchAll(FULL)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const yearText = m[3] as string;
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const date = isoDate(year, month, day);
    if (date) spans.push({ text: m[0], date, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SHORT)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const numbers = m[0].slice(m[0].search(/\d/));
    const start = m.index + m[0].length - numbers.length;
    // With no year, the most recent such date on or before today: parents mostly tell us when something happened.
    const thisYear = reference.getUTCFullYear();
    let date = isoDate(thisYear, month, day);
    if (date && date > toIso(reference)) date = isoDate(thisYear - 1, month, day);
    if (date) spans.push({ text: numbers, date, start, end: start + numbers.length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return toIso(d);
}

export function toIso(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Replaces the given spans with spaces, so later recognisers neither see nor re-read them. */
export function maskSpans(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}
