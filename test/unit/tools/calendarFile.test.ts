import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../src/tools/calendarFile.js';
import { buildCalendarFile, deadlinesCalendarFile, escapeIcsText, foldIcsLine } from '../../../src/tools/calendarFile.js';
import { assessmentDeadlines } from '../../../src/tools/statutoryDeadlines.js';

const now = new Date('2026-11-23T10:15:30.123Z');
const encoder = new TextEncoder();

/** Undoes RFC 5545 folding: a CRLF followed by one space or tab is removed. */
const unfold = (content: string) => content.replace(/\r\n[ \t]/g, '');

function timeline() {
  const result = assessmentDeadlines({ requestReceived: '2026-03-03', today: '2026-11-23' });
  if (result.kind !== 'ok') throw new Error('expected dates');
  return result;
}

describe('RFC 5545 structure', () => {
  const file = deadlinesCalendarFile(timeline(), { now, reminderDaysBefore: 7 });
  const physical = file.content.split('\r\n');
  const lines = unfold(file.content).split('\r\n').slice(0, -1);

  it('uses CRLF for every line break and ends with CRLF', () => {
    expect(file.content.endsWith('\r\n')).toBe(true);
    expect(file.content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every physical line within 75 octets', () => {
    for (const line of physical) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  });

  it('is one VCALENDAR with VERSION and PRODID, and balanced components', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
    const depth: string[] = [];
    for (const line of lines) {
      if (line.startsWith('BEGIN:')) depth.push(line.slice(6));
      if (line.startsWith('END:')) expect(depth.pop()).toBe(line.slice(4));
    }
    expect(depth).toEqual([]);
  });

  it('has one all-day VEVENT per deadline with UID, DTSTAMP and an exclusive DTEND', () => {
    const events = unfold(file.content).split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(3);
    const first = events[0] ?? '';
    expect(first).toMatch(/\r\nDTSTART;VALUE=DATE:20260414\r\n/);
    expect(first).toMatch(/\r\nDTEND;VALUE=DATE:20260415\r\n/);
    for (const event of events) {
      expect(event.match(/\r\nUID:/g)).toHaveLength(1);
      expect(event.match(/\r\nDTSTAMP:/g)).toHaveLength(1);
    }
  });

  it('stamps DTSTAMP in UTC from the injected clock', () => {
    expect(lines.filter((line) => line.startsWith('DTSTAMP:'))).toEqual(Array(3).fill('DTSTAMP:20261123T101530Z'));
  });

  it('adds a display reminder a week before', () => {
    expect(lines.filter((line) => line === 'TRIGGER:-P7D')).toHaveLength(3);
    expect(lines.filter((line) => line === 'ACTION:DISPLAY')).toHaveLength(3);
  });

  it('names the file after the start date', () => {
    expect(file.fileName).toBe('sen-deadlines-2026-03-03.ics');
    expect(file.mimeType).toBe('text/calendar');
  });
});

describe('stable UIDs', () => {
  it('gives the same UIDs however often it is built and whatever the clock', () => {
    const uids = (content: string) => content.split('\r\n').filter((line) => line.startsWith('UID:'));
    const a = uids(deadlinesCalendarFile(timeline(), { now }).content);
    const b = uids(deadlinesCalendarFile(timeline(), { now: new Date('2027-01-01T00:00:00Z') }).content);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
    for (const uid of a) expect(uid).toMatch(/^UID:[0-9a-f]{20}@sen-support-guide$/);
  });

  it('refuses two events with the same key', () => {
    const event: CalendarEvent = { key: 'k', date: '2026-04-14', summary: 's' };
    expect(() => buildCalendarFile([event, event], { now })).toThrow(/two events share the key "k"/);
  });
});

describe('TEXT escaping and folding', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('round-trips awkward text through escaping and folding', () => {
    const summary = 'Deadline; for Zoé, 👩‍👧 — “quotes”\nsecond line \\ backslash '.repeat(4);
    const file = buildCalendarFile([{ key: 'x', date: '2028-02-29', summary }], { now });
    const line = unfold(file.content).split('\r\n').find((l) => l.startsWith('SUMMARY:')) ?? '';
    const unescaped = line.slice('SUMMARY:'.length).replace(/\\(n|N|\\|;|,)/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    expect(unescaped).toBe(summary);
    for (const physical of file.content.split('\r\n')) expect(encoder.encode(physical).length).toBeLessThanOrEqual(75);
  });

  it('never folds inside a multi-byte character', () => {
    const folded = foldIcsLine(`SUMMARY:${'é'.repeat(100)}`);
    for (const part of folded.split('\r\n')) {
      expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
      expect(part.replace(/^ /, '')).toMatch(/^(SUMMARY:)?é*$/);
    }
    expect(folded.split('\r\n').slice(1).every((part) => part.startsWith(' '))).toBe(true);
  });

  it('never folds inside an emoji or other character outside the basic plane, and loses nothing', () => {
    const line = `DESCRIPTION:${'ab😀'.repeat(40)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('leaves short lines alone', () => {
    expect(foldIcsLine('VERSION:2.0')).toBe('VERSION:2.0');
    expect(encoder.encode(foldIcsLine('X'.repeat(75))).length).toBe(75);
    expect(foldIcsLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('refuses a URL that could break a line', () => {
    expect(() => buildCalendarFile([{ key: 'x', date: '2026-04-14', summary: 's', url: 'http://a\r\nEND:VCALENDAR' }], { now })).toThrow(/URL values must be http\(s\)/);
  });

  it('refuses an invalid clock', () => {
    expect(() => buildCalendarFile([], { now: new Date('nonsense') })).toThrow(/options\.now is an invalid Date/);
  });
});
