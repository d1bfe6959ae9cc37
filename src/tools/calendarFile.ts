// An RFC 5545 iCalendar (.ics) file of all-day events, so a family can put their deadlines in their own calendar.
//
// RFC 5545 rules kept here: CRLF line endings (3.1); lines folded at 75 octets with CRLF + one space, never
// inside a UTF-8 character (3.1); TEXT values escape backslash, semicolon, comma and newline (3.3.11); every
// VEVENT has UID and DTSTAMP (3.6.1), DTSTAMP in UTC (3.8.7.2); all-day events use VALUE=DATE with an
// exclusive DTEND on the next day (3.6.1).
import { createHash } from 'node:crypto';
import type { StatutoryDeadline } from './statutoryDeadlines.js';
import { addDays, parseIsoDate } from './ukDate.js';

export interface CalendarEvent {
  /** Stable key for this event (e.g. "decision-to-assess:2026-03-03"); the same key always gives the same UID. */
  key: string;
  /** ISO date of the all-day event. */
  date: string;
  summary: string;
  description?: string;
  url?: string;
}

export interface CalendarOptions {
  /** The clock, injected so output is reproducible: becomes DTSTAMP. */
  now: Date;
  /** Shown by some calendar apps as the calendar's name. */
  calendarName?: string;
  /** Adds a reminder this many days before each event; 0 or undefined for none. */
  reminderDaysBefore?: number;
}

export interface CalendarFile {
  fileName: string;
  mimeType: 'text/calendar';
  content: string;
}

const PRODUCT_ID = '-//SEN Support Guide//Deadlines 1.0//EN';
const UID_DOMAIN = 'sen-support-guide';
const MAX_LINE_OCTETS = 75;

/** TEXT escaping (RFC 5545 3.3.11). */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into lines of at most 75 octets, continuation lines starting with a space (RFC 5545 3.1). */
export function foldIcsLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  // Cut by index rather than build each part a character at a time: a calendar has several long lines.
  const out: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i) ?? 0;
    const units = codePoint > 0xffff ? 2 : 1;
    const size = utf8Length(codePoint);
    const limit = out.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      out.push(line.slice(start, i));
      start = i;
      octets = 0;
    }
    octets += size;
    i += units;
  }
  out.push(line.slice(start));
  return out.join('\r\n ');
}

/** Octets one code point takes in UTF-8 (a lone surrogate is written as U+FFFD, also 3). */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

function icsDate(isoDate: string): string {
  parseIsoDate(isoDate, 'buildCalendarFile()');
  return isoDate.replace(/-/g, '');
}

function icsUtcStamp(now: Date): string {
  if (Number.isNaN(now.getTime())) {
    throw new Error('buildCalendarFile(): options.now is an invalid Date because the clock gave no time. Pass a real Date.');
  }
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

// URL values are not TEXT, so they cannot be escaped: refuse anything that could break the line structure.
function checkedUrl(url: string): string {
  if (!/^https?:\/\/[^\s"<>\\]+$/.test(url)) {
    throw new Error(`buildCalendarFile(): event url "${url.slice(0, 60)}" is not allowed because URL values must be http(s) with no spaces or quotes. Pass a plain web address.`);
  }
  return url;
}

function uidFor(key: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 20);
  return `${digest}@${UID_DOMAIN}`;
}

export function buildCalendarFile(events: readonly CalendarEvent[], options: CalendarOptions, fileName = 'sen-deadlines.ics'): CalendarFile {
  const stamp = icsUtcStamp(options.now);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeIcsText(options.calendarName)}`);
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.key)) {
      throw new Error(`buildCalendarFile(): two events share the key "${event.key}" because keys must be unique to give unique UIDs. Make each key distinct.`);
    }
    seen.add(event.key);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidFor(event.key)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeIcsText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
    if (event.url) lines.push(`URL:${checkedUrl(event.url)}`);
    lines.push('TRANSP:TRANSPARENT');
    const reminder = options.reminderDaysBefore ?? 0;
    if (reminder > 0) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeIcsText(event.summary)}`,
        `TRIGGER:-P${Math.floor(reminder)}D`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return { fileName, mimeType: 'text/calendar', content: `${lines.map(foldIcsLine).join('\r\n')}\r\n` };
}

/** Calendar events for statutory deadlines; keys combine the deadline and its start date so re-imports update, not duplicate. */
export function deadlineEvents(deadlines: readonly StatutoryDeadline[], startDate: string): CalendarEvent[] {
  return deadlines.map((deadline) => ({
    key: `${deadline.id}:${startDate}`,
    date: deadline.date,
    summary: `SEN deadline: ${deadline.shortLabel}`,
    description: `${deadline.label}. Counted as ${deadline.rule}. Source: ${deadline.source.label}. ` +
      'Check the dates with your local SENDIASS if you are unsure.',
    url: deadline.source.url,
  }));
}

/** The whole .ics file for a set of deadlines (from assessmentDeadlines() or refusalDeadlines()). */
export function deadlinesCalendarFile(
  timeline: { title: string; start: { date: string }; deadlines: readonly StatutoryDeadline[] },
  options: CalendarOptions,
): CalendarFile {
  return buildCalendarFile(
    deadlineEvents(timeline.deadlines, timeline.start.date),
    { calendarName: timeline.title, ...options },
    `sen-deadlines-${timeline.start.date}.ics`,
  );
}
