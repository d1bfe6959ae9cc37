// Says whether a service is open now and, if not, when it next opens, in UK time ("open now (until 12 noon)").
//
// Slots are UK wall-clock times. The current time is converted with Intl and the Europe/London zone, so the
// answer stays right across the clock changes (BST starts the last Sunday of March, ends the last Sunday of October).
import type { OpeningHours } from '../knowledge/types.js';

export type OpeningState = 'open' | 'closed' | 'unknown';

export interface OpeningStatus {
  state: OpeningState;
  /** "Open now (until 12 noon)", "Next open Monday at 10am", or the source's own wording when we cannot tell. */
  sentence: string;
  /** Closing time of the current slot (HH:MM), when open. */
  until?: string;
  /** When closed: the next opening, UK time. */
  next?: { isoWeekday: number; time: string; daysAhead: number };
  /** True when the hours apply in school term time only, which we cannot check. */
  termTimeOnly: boolean;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHORT_WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

const TERM_TIME_NOTE = 'These hours are for school term time only. We do not know the term dates, so it may be closed in the school holidays.';

interface Slot {
  day: number;
  opens: number;
  closes: number;
}

// Built once: constructing an Intl.DateTimeFormat costs about a millisecond a call.
const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** UK local weekday (1 = Monday) and minutes after midnight for an instant. */
export function londonWallClock(now: Date): { isoWeekday: number; minutes: number } {
  const parts = LONDON_CLOCK.formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const isoWeekday = SHORT_WEEKDAYS[get('weekday')];
  if (isoWeekday === undefined) {
    throw new Error('londonWallClock(): the weekday could not be read because Intl gave an unexpected format. Check that Node has full ICU data.');
  }
  return { isoWeekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function toMinutes(time: string, field: string): number {
  const found = TIME.exec(time);
  const minutes = found ? Number(found[1]) * 60 + Number(found[2]) : Number.NaN;
  if (!found || minutes > 24 * 60) {
    throw new Error(`describeOpeningHours(): ${field} "${time}" is not a time because slot times must be HH:MM, 24-hour, UK time. Fix the opening hours in the services file.`);
  }
  return minutes;
}

function slotsOf(hours: OpeningHours): Slot[] {
  const slots: Slot[] = [];
  (hours.slots ?? []).forEach((slot, index) => {
    const opens = toMinutes(slot.opens, `slots[${index}].opens`);
    const closes = toMinutes(slot.closes, `slots[${index}].closes`);
    if (closes <= opens) {
      throw new Error(`describeOpeningHours(): slots[${index}] closes at or before it opens because ${slot.closes} is not after ${slot.opens}. Fix the slot times.`);
    }
    for (const day of slot.days) {
      if (!Number.isInteger(day) || day < 1 || day > 7) {
        throw new Error(`describeOpeningHours(): slots[${index}].days has ${day} because days must be 1 (Monday) to 7 (Sunday). Fix the slot days.`);
      }
      slots.push({ day, opens, closes });
    }
  });
  return slots;
}

/** "10am", "2:30pm", "12 noon", "midnight". */
export function formatClockTime(minutes: number): string {
  const hour = Math.floor(minutes / 60) % 24;
  const minute = minutes % 60;
  if (minute === 0 && hour === 12) return '12 noon';
  if (minute === 0 && hour === 0) return 'midnight';
  const suffix = hour < 12 ? 'am' : 'pm';
  const twelveHour = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${twelveHour}${suffix}` : `${twelveHour}:${String(minute).padStart(2, '0')}${suffix}`;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function dayWords(daysAhead: number, isoWeekday: number): string {
  if (daysAhead === 0) return 'today';
  if (daysAhead === 1) return 'tomorrow';
  return WEEKDAY_NAMES[isoWeekday - 1] ?? '';
}

export function describeOpeningHours(hours: OpeningHours, now: Date): OpeningStatus {
  const termTimeOnly = hours.termTimeOnly === true;
  const slots = slotsOf(hours);
  const unknown: OpeningStatus = { state: 'unknown', sentence: `Opening hours: ${hours.text}`, termTimeOnly };
  if (slots.length === 0) return unknown;

  const { isoWeekday, minutes } = londonWallClock(now);
  const inTerm = termTimeOnly ? ' in term time' : '';
  const withNote = (sentence: string) => (termTimeOnly ? `${sentence} ${TERM_TIME_NOTE}` : sentence);

  // Open now: the latest closing time among today's slots that cover this minute (slots may touch or overlap).
  const covering = slots.filter((slot) => slot.day === isoWeekday && slot.opens <= minutes && minutes < slot.closes);
  if (covering.length > 0) {
    let closes = Math.max(...covering.map((slot) => slot.closes));
    // A slot that starts exactly when this one closes continues the opening ("9am to 1pm" then "1pm to 5pm").
    for (let extended = true; extended; ) {
      extended = false;
      for (const slot of slots) {
        if (slot.day === isoWeekday && slot.opens <= closes && slot.closes > closes) {
          closes = slot.closes;
          extended = true;
        }
      }
    }
    return {
      state: 'open',
      sentence: withNote(termTimeOnly
        ? `Usually open now in term time (until ${formatClockTime(closes)}).`
        : `Open now (until ${formatClockTime(closes)}).`),
      until: hhmm(closes),
      termTimeOnly,
    };
  }

  // Next opening: look through the rest of today and the next 7 days.
  for (let daysAhead = 0; daysAhead <= 7; daysAhead += 1) {
    const day = ((isoWeekday - 1 + daysAhead) % 7) + 1;
    const opening = slots
      .filter((slot) => slot.day === day && (daysAhead > 0 || slot.opens > minutes))
      .map((slot) => slot.opens)
      .sort((a, b) => a - b)[0];
    if (opening !== undefined) {
      return {
        state: 'closed',
        sentence: withNote(`Closed now. Next open${inTerm} ${dayWords(daysAhead, day)} at ${formatClockTime(opening)}.`),
        next: { isoWeekday: day, time: hhmm(opening), daysAhead },
        termTimeOnly,
      };
    }
  }
  return unknown;
}
