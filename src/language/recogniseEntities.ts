// Finds the details dialogs need in a message: dates (read the British way, relative dates against a reference
// date), numbers, a child's age, school years, and a yes/no answer. Common written dates are read directly; the rest is
// left to @microsoft/recognizers-text, which is called only when the text could hold something it finds.
import { findBritishNumericDates, maskSpans, toIso } from './britishDates.js';
import { recognisers } from './loadRecognisers.js';
import { mayHoldDate, mayHoldNumber } from './recogniserSignals.js';
import type { Entities, RecognisedDate } from './types.js';
import { findWrittenDates } from './writtenDates.js';

export { preloadRecognisers } from './loadRecognisers.js';

const WORD_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, 'twenty one': 21, 'twenty two': 22, 'twenty three': 23, 'twenty four': 24, 'twenty five': 25,
};
const NUM = `(\\d{1,2}|${Object.keys(WORD_NUMBERS).sort((a, b) => b.length - a.length).join('|').replace(/ /g, '[ -]')})`;
const NOT_A_UNIT = `(?![ -]?(?:%|weeks?|days?|months?|minutes?|mins?|hours?|times?|pm|am|points?|percent|out of|/|\\d))`;
const AGE_PATTERNS = [
  new RegExp(`\\b(?:he|she|they|who)(?:'s|’s| is| are|s| was| turned| turns| will be)\\s+(?:only |just |now |nearly |almost |about )?${NUM}\\b${NOT_A_UNIT}`, 'gi'),
  new RegExp(`\\b${NUM}[ -]?(?:years?|yrs?)[ -]?old\\b`, 'gi'),
  new RegExp(`\\b${NUM}[ -]?(?:yo|y/o)\\b`, 'gi'),
  new RegExp(`\\baged?\\s+${NUM}\\b${NOT_A_UNIT}`, 'gi'),
  new RegExp(`\\b(?:is|turned|turns)\\s+${NUM}\\s+(?:this|next|last)\\s+(?:year|month|week)`, 'gi'),
];
const SCHOOL_YEAR_PATTERNS = [
  new RegExp(`\\b(?:year|yr)\\s?${NUM}\\b(?![ -]?(?:olds?|years?))`, 'gi'),
  /\by(\d{1,2})\b/gi,
];
const IGNORED_DATE_WORDS = new Set(['now', 'right now', 'currently', 'at the moment']);
const RECEPTION = /\b(?:reception|year r|yr r|foundation stage 2|fs2)\b/i;
const EXTRA_NO = /^(?:not really|no thanks|no thank you|nah|nope|not yet|no way|not at all)[.!]*$/i;
const EXTRA_YES = /^(?:yes please|of course|definitely|sure|yep|yup|ok|okay|that's right|thats right|correct)[.!]*$/i;

export interface EntityOptions {
  /** Relative dates ("last Tuesday", "7 weeks ago") are worked out from this day. Defaults to now. */
  referenceDate?: Date;
  /**
   * Sends every message through the full recognisers, without the written-date reader or the checks that skip them.
   * Slower; kept as the behaviour the fast path is tested against.
   */
  alwaysUseRecognisers?: boolean;
}

interface DateSpan extends RecognisedDate {
  start: number;
  end: number;
}

export function recogniseEntities(text: string, options: EntityOptions = {}): Entities {
  const reference = options.referenceDate ?? new Date();
  const fast = options.alwaysUseRecognisers !== true;
  const today = toIso(reference);
  const british = findBritishNumericDates(text, reference);
  const masked = maskSpans(text, british);

  // The recogniser works in the reference date's local calendar; a noon UTC copy keeps the same calendar day.
  const recogniserReference = new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate(), 12));
  // Written dates are read here only when nothing else date-like is left, so the recogniser is then not needed for dates;
  // otherwise it reads the whole message as before. Either way the same rule picks between a yearless date's readings.
  const written = fast ? findWrittenDates(masked, recogniserReference) ?? [] : [];
  const leftOver = maskSpans(masked, written);
  const found: DateSpan[] = written.map((w) => ({ text: w.text, date: chooseDate(w.values, today) as string, start: w.start, end: w.end }));
  if (!fast || mayHoldDate(leftOver)) found.push(...recogniseDates(leftOver, recogniserReference, today));

  const withoutDates = maskSpans(masked, found);
  const entities: Entities = {
    dates: [...british, ...found].map(({ text: t, date }) => ({ text: t, date })),
    ages: collect(AGE_PATTERNS, masked, (n) => n >= 0 && n <= 25),
    schoolYears: schoolYears(masked),
    numbers: !fast || mayHoldNumber(withoutDates) ? recogniseNumbers(withoutDates) : [],
  };
  const yesNo = readYesNo(text);
  if (yesNo !== undefined) entities.yesNo = yesNo;
  return entities;
}

function recogniseDates(text: string, recogniserReference: Date, today: string): DateSpan[] {
  const { Culture, DateTimeOptions, recognizeDateTime } = recognisers();
  const dates: DateSpan[] = [];
  for (const result of recognizeDateTime(text, Culture.English, DateTimeOptions.None, recogniserReference)) {
    if (result.typeName !== 'datetimeV2.date' && result.typeName !== 'datetimeV2.datetime') continue;
    // A bare "3/4" is a fraction or a US-style date; British dates were read above. "Now" is not a date anyone gives.
    if (/^\d{1,2}[/.-]\d{1,2}$/.test(result.text) || IGNORED_DATE_WORDS.has(result.text.toLowerCase())) continue;
    const values = ((result.resolution as { values?: Array<{ value?: string; type?: string }> } | undefined)?.values ?? [])
      .map((v) => v.value?.slice(0, 10))
      .filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
    const date = chooseDate(values, today);
    if (!date) continue;
    dates.push({ text: result.text, date, start: result.start, end: result.end + 1 });
  }
  return dates;
}

function recogniseNumbers(text: string): number[] {
  const { Culture, recognizeNumber } = recognisers();
  const numbers: number[] = [];
  for (const result of recognizeNumber(text, Culture.English)) {
    const value = Number((result.resolution as { value?: string } | undefined)?.value);
    if (Number.isFinite(value)) numbers.push(value);
  }
  return numbers;
}

/** When the recogniser offers two readings (3rd March last year or next), take the latest one not after today. */
function chooseDate(values: string[], today: string): string | undefined {
  if (values.length <= 1) return values[0];
  const past = values.filter((v) => v <= today).sort();
  return past[past.length - 1] ?? [...values].sort()[0];
}

function toNumber(raw: string): number {
  const key = raw.toLowerCase().replace(/-/g, ' ');
  return WORD_NUMBERS[key] ?? Number(raw);
}

function collect(patterns: RegExp[], text: string, valid: (n: number) => boolean): number[] {
  const found: Array<{ at: number; value: number }> = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const value = toNumber(m[1] as string);
      if (valid(value) && !found.some((f) => f.at === m.index)) found.push({ at: m.index, value });
    }
  }
  return unique(found.sort((a, b) => a.at - b.at).map((f) => f.value));
}

function schoolYears(text: string): number[] {
  const found: Array<{ at: number; value: number }> = [];
  for (const pattern of SCHOOL_YEAR_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const value = toNumber(m[1] as string);
      if (value >= 1 && value <= 14) found.push({ at: m.index, value });
    }
  }
  const reception = RECEPTION.exec(text);
  if (reception) found.push({ at: reception.index, value: 0 });
  return unique(found.sort((a, b) => a.at - b.at).map((f) => f.value));
}

/** Only a short reply counts as a yes/no answer; "no" inside a question is not an answer. */
function readYesNo(text: string): boolean | undefined {
  const trimmed = text.trim();
  if (trimmed.split(/\s+/).length > 5) return undefined;
  if (EXTRA_NO.test(trimmed)) return false;
  if (EXTRA_YES.test(trimmed)) return true;
  const { Culture, recognizeBoolean } = recognisers();
  const result = recognizeBoolean(trimmed, Culture.English)[0];
  const value = (result?.resolution as { value?: unknown } | undefined)?.value;
  return typeof value === 'boolean' ? value : undefined;
}

function unique(values: number[]): number[] {
  return [...new Set(values)];
}
