import { describe, expect, it } from 'vitest';
import type { DeadlineResult, DeadlineTimeline } from '../../../src/tools/statutoryDeadlines.js';
import {
  DUE_SOON_DAYS, MONTH_COUNTING_NOTE, TIME_LIMIT_EXCEPTIONS, assessmentDeadlines, deadlineStatus, refusalDeadlines,
} from '../../../src/tools/statutoryDeadlines.js';
import { addMonths, addWeeks, daysBetween } from '../../../src/tools/ukDate.js';

function ok(result: DeadlineResult): DeadlineTimeline {
  if (result.kind !== 'ok') throw new Error(`expected dates, got problem ${result.reason}`);
  return result;
}

const dates = (timeline: DeadlineTimeline) => Object.fromEntries(timeline.deadlines.map((d) => [d.id, d.date]));

describe('assessment request: 6, 16 and 20 weeks from the day the council received it', () => {
  it('works out the dates for a request received on 3 March 2026', () => {
    const timeline = ok(assessmentDeadlines({ requestReceived: '2026-03-03', today: '2026-11-23' }));
    expect(dates(timeline)).toEqual({
      'decision-to-assess': '2026-04-14',
      'no-plan-decision': '2026-06-23',
      'final-plan': '2026-07-21',
    });
    expect(timeline.deadlines.map((d) => d.dateText)).toEqual(['Tuesday 14 April 2026', 'Tuesday 23 June 2026', 'Tuesday 21 July 2026']);
    expect(timeline.start).toEqual({ label: 'Council received the request', date: '2026-03-03', dateText: 'Tuesday 3 March 2026' });
  });

  it('labels each date with its legal source', () => {
    const timeline = ok(assessmentDeadlines({ requestReceived: '2026-03-03', today: '2026-03-03' }));
    expect(timeline.deadlines.map((d) => d.source.label)).toEqual([
      'SEND Regulations 2014 regs 4(1) and 5(1)',
      'SEND Regulations 2014 reg 10',
      'SEND Regulations 2014 reg 13(2)',
    ]);
    for (const deadline of timeline.deadlines) {
      expect(deadline.source.url).toMatch(/^https:\/\/www\.legislation\.gov\.uk\/uksi\/2014\/1530\//);
      expect(deadline.shortLabel.length).toBeLessThanOrEqual(30);
    }
  });

  it('is always exactly 42, 112 and 140 days on, whatever the start date (clocks, leap years, year ends)', () => {
    for (const received of ['2026-03-20', '2026-03-29', '2026-10-25', '2026-10-01', '2027-12-31', '2028-01-18', '2028-02-29', '2026-12-25']) {
      const timeline = ok(assessmentDeadlines({ requestReceived: received, today: received }));
      expect(timeline.deadlines.map((d) => daysBetween(received, d.date))).toEqual([42, 112, 140]);
    }
  });

  it('crosses the March clock change without moving a day', () => {
    // Received Friday 20 March 2026; the clocks go forward on Sunday 29 March.
    expect(dates(ok(assessmentDeadlines({ requestReceived: '2026-03-20', today: '2026-03-20' })))['decision-to-assess']).toBe('2026-05-01');
  });

  it('crosses the October clock change without moving a day', () => {
    // Received Wednesday 14 October 2026; the clocks go back on Sunday 25 October.
    expect(dates(ok(assessmentDeadlines({ requestReceived: '2026-10-14', today: '2026-10-14' })))['decision-to-assess']).toBe('2026-11-25');
  });

  it('lands on 29 February 2028 in the leap year', () => {
    // 18 January 2028 + 6 weeks.
    expect(dates(ok(assessmentDeadlines({ requestReceived: '2028-01-18', today: '2028-01-18' })))['decision-to-assess']).toBe('2028-02-29');
  });

  it('runs over the year end', () => {
    const timeline = ok(assessmentDeadlines({ requestReceived: '2026-12-01', today: '2026-12-01' }));
    expect(dates(timeline)).toEqual({ 'decision-to-assess': '2027-01-12', 'no-plan-decision': '2027-03-23', 'final-plan': '2027-04-20' });
  });

  it('still works for a request made long ago, and says so', () => {
    const timeline = ok(assessmentDeadlines({ requestReceived: '2019-05-07', today: '2026-11-23' }));
    expect(timeline.deadlines.every((d) => d.status === 'passed')).toBe(true);
    expect(timeline.longAgo).toBe(true);
    expect(dates(timeline)['final-plan']).toBe('2019-09-24');
    expect(ok(assessmentDeadlines({ requestReceived: '2026-03-03', today: '2026-11-23' })).longAgo).toBe(false);
  });

  it('explains instead of calculating when the request date is after today', () => {
    const result = assessmentDeadlines({ requestReceived: '2026-11-24', today: '2026-11-23' });
    expect(result).toMatchObject({ kind: 'problem', reason: 'date-in-future', field: 'requestReceived' });
    if (result.kind === 'problem') expect(result.message).toMatch(/after today.*6 weeks/s);
  });

  it('accepts a request received today', () => {
    const timeline = ok(assessmentDeadlines({ requestReceived: '2026-11-23', today: '2026-11-23' }));
    expect(timeline.deadlines.map((d) => d.status)).toEqual(['upcoming', 'upcoming', 'upcoming']);
  });

  it('reports an impossible date as a problem, not a crash', () => {
    expect(assessmentDeadlines({ requestReceived: '2026-02-30', today: '2026-11-23' })).toMatchObject({ kind: 'problem', reason: 'invalid-date' });
  });

  it('throws for a bad today, which is a programming error', () => {
    expect(() => assessmentDeadlines({ requestReceived: '2026-03-03', today: '23/11/2026' })).toThrow(/assessmentDeadlines\(\) \(today\)/);
  });

  it('carries the note that exceptions exist, and the exceptions as data', () => {
    const timeline = ok(assessmentDeadlines({ requestReceived: '2026-03-03', today: '2026-11-23' }));
    expect(timeline.notes.join(' ')).toMatch(/exceptional/);
    expect(TIME_LIMIT_EXCEPTIONS.cases).toHaveLength(3);
    expect(TIME_LIMIT_EXCEPTIONS.cases.join(' ')).toMatch(/4 weeks or more.*exceptional personal circumstances.*away from the area for 4 weeks/s);
    expect(TIME_LIMIT_EXCEPTIONS.appliesTo).toEqual(['decision-to-assess', 'no-plan-decision', 'final-plan']);
    expect(TIME_LIMIT_EXCEPTIONS.sources[0]?.label).toBe('SEND Regulations 2014 regs 5(4), 10(4) and 13(3)');
  });
});

describe('status relative to today', () => {
  it.each([
    ['2026-11-22', 'passed'],
    ['2026-11-23', 'due-soon'],
    ['2026-11-30', 'due-soon'],
    ['2026-12-01', 'upcoming'],
  ] as const)('%s is %s on 23 November 2026', (date, status) => {
    expect(deadlineStatus(date, '2026-11-23')).toBe(status);
  });

  it('uses a 7-day window', () => {
    expect(DUE_SOON_DAYS).toBe(7);
  });

  it('gives days from today, negative once passed', () => {
    const timeline = ok(assessmentDeadlines({ requestReceived: '2026-03-03', today: '2026-11-23' }));
    expect(timeline.deadlines.map((d) => d.daysFromToday)).toEqual([-223, -153, -125]);
    const soon = ok(assessmentDeadlines({ requestReceived: '2026-10-14', today: '2026-11-20' }));
    expect(soon.deadlines[0]).toMatchObject({ status: 'due-soon', daysFromToday: 5 });
  });
});

describe('refusal: mediation adviser and appeal', () => {
  it('gives 2 months from the decision for both when there is no certificate', () => {
    const timeline = ok(refusalDeadlines({ decisionDate: '2026-09-15', today: '2026-09-20' }));
    expect(dates(timeline)).toEqual({ 'mediation-adviser': '2026-11-15', appeal: '2026-11-15' });
    expect(timeline.deadlines.map((d) => d.source.label)).toEqual(['SEND Regulations 2014 reg 33', 'HESC Tribunal Rules 2008 r20(1)(c)']);
    expect(timeline.notes).toContain(MONTH_COUNTING_NOTE);
  });

  it('2 months from 31 December is 28 February (29 February in a leap year): the usual reading, check with SENDIASS', () => {
    expect(dates(ok(refusalDeadlines({ decisionDate: '2026-12-31', today: '2027-01-02' }))).appeal).toBe('2027-02-28');
    expect(dates(ok(refusalDeadlines({ decisionDate: '2027-12-31', today: '2028-01-02' }))).appeal).toBe('2028-02-29');
    expect(MONTH_COUNTING_NOTE).toMatch(/2 months from 31 December is 28 February, or 29 February in a leap year/);
    expect(MONTH_COUNTING_NOTE).toMatch(/usual reading.*SENDIASS/);
  });

  it('uses 1 month from the certificate when that is later', () => {
    const timeline = ok(refusalDeadlines({ decisionDate: '2026-09-15', mediationCertificateDate: '2026-10-30', today: '2026-11-01' }));
    expect(dates(timeline)).toEqual({ 'mediation-adviser': '2026-11-15', appeal: '2026-11-30' });
    expect(timeline.deadlines[1]?.rule).toMatch(/^1 month from the date on the mediation certificate/);
  });

  it('keeps 2 months from the decision when the certificate came early', () => {
    const timeline = ok(refusalDeadlines({ decisionDate: '2026-09-15', mediationCertificateDate: '2026-09-20', today: '2026-09-21' }));
    expect(dates(timeline).appeal).toBe(addMonths('2026-09-15', 2));
    expect(timeline.deadlines[1]?.rule).toMatch(/^2 months from the date of the decision letter, because/);
  });

  it('is the later of the two limits for any pair of dates', () => {
    for (let offset = 0; offset < 90; offset += 7) {
      const certificate = addWeeks('2027-01-31', offset / 7);
      const timeline = ok(refusalDeadlines({ decisionDate: '2027-01-31', mediationCertificateDate: certificate, today: '2027-06-01' }));
      const expected = [addMonths('2027-01-31', 2), addMonths(certificate, 1)].sort().at(-1);
      expect(dates(timeline).appeal).toBe(expected);
    }
  });

  it('refuses a certificate dated before the decision, or after today', () => {
    expect(refusalDeadlines({ decisionDate: '2026-09-15', mediationCertificateDate: '2026-09-01', today: '2026-11-01' }))
      .toMatchObject({ kind: 'problem', reason: 'certificate-before-decision' });
    expect(refusalDeadlines({ decisionDate: '2026-09-15', mediationCertificateDate: '2026-12-01', today: '2026-11-01' }))
      .toMatchObject({ kind: 'problem', reason: 'date-in-future', field: 'mediationCertificateDate' });
    expect(refusalDeadlines({ decisionDate: '2026-12-15', today: '2026-11-01' }))
      .toMatchObject({ kind: 'problem', reason: 'date-in-future', field: 'decisionDate' });
  });
});
