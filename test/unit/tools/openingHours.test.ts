import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../src/knowledge/types.js';
import { describeOpeningHours, formatClockTime, londonWallClock } from '../../../src/tools/openingHours.js';

// Monday to Friday 10am to 12 noon and 2pm to 4pm, term time only: a typical SENDIASS helpline with a lunch gap.
const helpline: OpeningHours = {
  text: 'Monday to Friday, 10am to 12 noon and 2pm to 4pm, term time only',
  slots: [{ days: [1, 2, 3, 4, 5], opens: '10:00', closes: '12:00' }, { days: [1, 2, 3, 4, 5], opens: '14:00', closes: '16:00' }],
  termTimeOnly: true,
};
const office: OpeningHours = {
  text: 'Monday to Thursday 9am to 5pm, Friday 9am to 4:30pm',
  slots: [{ days: [1, 2, 3, 4], opens: '09:00', closes: '17:00' }, { days: [5], opens: '09:00', closes: '16:30' }],
};

const at = (iso: string) => new Date(iso);

describe('UK wall clock from an instant', () => {
  it.each([
    // Winter (GMT): UK time equals UTC.
    ['2026-01-12T09:59:00Z', 1, 9 * 60 + 59],
    // Summer (BST): UK time is UTC + 1.
    ['2026-07-13T09:30:00Z', 1, 10 * 60 + 30],
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    ['2026-03-29T00:59:00Z', 7, 59],
    ['2026-03-29T01:00:00Z', 7, 2 * 60],
    // Clocks go back at 01:00 UTC on Sunday 25 October 2026.
    ['2026-10-25T00:59:00Z', 7, 60 + 59],
    ['2026-10-25T01:00:00Z', 7, 60],
    // 23:30 UTC on a Sunday in summer is already Monday in the UK.
    ['2026-06-28T23:30:00Z', 1, 30],
  ])('%s is weekday %i, minute %i', (iso, isoWeekday, minutes) => {
    expect(londonWallClock(at(iso))).toEqual({ isoWeekday, minutes });
  });
});

describe('open now or next open', () => {
  it('is open in the morning slot, until 12 noon, in term time', () => {
    const status = describeOpeningHours(helpline, at('2026-11-23T10:30:00Z'));
    expect(status.state).toBe('open');
    expect(status.until).toBe('12:00');
    expect(status.sentence).toBe(
      'Usually open now in term time (until 12 noon). These hours are for school term time only. We do not know the term dates, so it may be closed in the school holidays.',
    );
  });

  it('is closed over lunch and opens again at 2pm today', () => {
    const status = describeOpeningHours(helpline, at('2026-11-23T12:00:00Z'));
    expect(status).toMatchObject({ state: 'closed', next: { isoWeekday: 1, time: '14:00', daysAhead: 0 } });
    expect(status.sentence).toMatch(/^Closed now\. Next open in term time today at 2pm\./);
  });

  it('after Friday closing, next open is Monday at 10am', () => {
    const status = describeOpeningHours(helpline, at('2026-11-27T16:00:00Z'));
    expect(status.next).toEqual({ isoWeekday: 1, time: '10:00', daysAhead: 3 });
    expect(status.sentence).toMatch(/^Closed now\. Next open in term time Monday at 10am\./);
  });

  it('at the weekend says Monday', () => {
    expect(describeOpeningHours(office, at('2026-11-28T12:00:00Z')).sentence).toBe('Closed now. Next open Monday at 9am.');
  });

  it('late on a weekday says tomorrow', () => {
    expect(describeOpeningHours(office, at('2026-11-24T18:00:00Z')).sentence).toBe('Closed now. Next open tomorrow at 9am.');
  });

  it('uses the day’s own closing time', () => {
    expect(describeOpeningHours(office, at('2026-11-27T15:00:00Z')).sentence).toBe('Open now (until 4:30pm).');
    expect(describeOpeningHours(office, at('2026-11-26T15:00:00Z')).sentence).toBe('Open now (until 5pm).');
  });

  it('is closed at exactly closing time and open at exactly opening time', () => {
    expect(describeOpeningHours(office, at('2026-11-26T17:00:00Z')).state).toBe('closed');
    expect(describeOpeningHours(office, at('2026-11-26T09:00:00Z')).state).toBe('open');
  });

  it('joins slots that touch into one opening', () => {
    const split: OpeningHours = { text: '9 to 5', slots: [{ days: [1], opens: '09:00', closes: '13:00' }, { days: [1], opens: '13:00', closes: '17:00' }] };
    expect(describeOpeningHours(split, at('2026-11-23T12:00:00Z')).sentence).toBe('Open now (until 5pm).');
  });
});

describe('across the clock changes', () => {
  it('in summer time, 9:30 UTC is 10:30 UK time: open', () => {
    // Monday 30 March 2026, the day after the clocks go forward.
    expect(describeOpeningHours(helpline, at('2026-03-30T09:30:00Z')).state).toBe('open');
  });

  it('in winter time, 9:30 UTC is 9:30 UK time: closed until 10am', () => {
    // Friday 27 March 2026, before the change; and Monday 26 October 2026, after the clocks go back.
    expect(describeOpeningHours(helpline, at('2026-03-27T09:30:00Z')).next).toEqual({ isoWeekday: 5, time: '10:00', daysAhead: 0 });
    expect(describeOpeningHours(helpline, at('2026-10-26T09:30:00Z')).state).toBe('closed');
  });

  it('on the Friday before the clocks go back, 15:30 UTC is 4:30pm UK time: closed', () => {
    expect(describeOpeningHours(helpline, at('2026-10-23T15:30:00Z')).state).toBe('closed');
    expect(describeOpeningHours(helpline, at('2026-10-30T15:30:00Z')).state).toBe('open');
  });
});

describe('when we cannot tell', () => {
  it('falls back to the source wording when there are no slots', () => {
    expect(describeOpeningHours({ text: 'Please see the website' }, at('2026-11-23T10:00:00Z'))).toEqual({
      state: 'unknown',
      sentence: 'Opening hours: Please see the website',
      termTimeOnly: false,
    });
  });

  it('explains a bad slot to whoever edits the services file', () => {
    expect(() => describeOpeningHours({ text: 'x', slots: [{ days: [1], opens: '9am', closes: '17:00' }] }, at('2026-11-23T10:00:00Z')))
      .toThrow(/slots\[0\]\.opens "9am" is not a time because/);
    expect(() => describeOpeningHours({ text: 'x', slots: [{ days: [8], opens: '09:00', closes: '17:00' }] }, at('2026-11-23T10:00:00Z')))
      .toThrow(/days must be 1 \(Monday\) to 7 \(Sunday\)/);
    expect(() => describeOpeningHours({ text: 'x', slots: [{ days: [1], opens: '17:00', closes: '09:00' }] }, at('2026-11-23T10:00:00Z')))
      .toThrow(/closes at or before it opens/);
  });
});

describe('clock times in GOV.UK style', () => {
  it.each([[600, '10am'], [720, '12 noon'], [870, '2:30pm'], [0, 'midnight'], [1440, 'midnight'], [545, '9:05am']])('%i minutes is %s', (minutes, text) => {
    expect(formatClockTime(minutes)).toBe(text);
  });
});
