import { describe, expect, it } from 'vitest';
import type { DeadlineResult } from '../../../src/tools/statutoryDeadlines.js';
import { assessmentDeadlines, refusalDeadlines } from '../../../src/tools/statutoryDeadlines.js';
import { timelinePosition } from '../../../src/tools/timelinePosition.js';

function deadlinesOf(result: DeadlineResult) {
  if (result.kind !== 'ok') throw new Error('expected dates');
  return result.deadlines;
}

const request = (received: string) => deadlinesOf(assessmentDeadlines({ requestReceived: received, today: received }));

describe('timelinePosition: where the family is today', () => {
  it('before the 6-week point says when the decision is due and how far away', () => {
    expect(timelinePosition(request('2026-03-03'), '2026-03-24')).toBe(
      'The council must tell you by Tuesday 14 April 2026 whether it will assess. That is 3 weeks away.',
    );
  });

  it('on the last day says so', () => {
    expect(timelinePosition(request('2026-03-03'), '2026-04-14')).toMatch(
      /^Today is the last day for the council to tell you whether it will assess\. If the council assesses and decides not to make a plan, it must tell you by Tuesday 23 June 2026\./,
    );
  });

  it('2 days after the 6-week limit says the council should have told you, and what comes next', () => {
    expect(timelinePosition(request('2026-03-03'), '2026-04-16')).toBe(
      'The council should have told you by now whether it will assess. It is 2 days past the 6-week limit. ' +
        'If the council assesses and decides not to make a plan, it must tell you by Tuesday 23 June 2026. That is over 2 months away.',
    );
  });

  it('after every date points to SENDIASS', () => {
    const sentence = timelinePosition(request('2026-03-03'), '2026-11-23');
    expect(sentence).toBe(
      'If the council agreed to make a plan, the final plan should have been issued by now. It is over 4 months past the 20-week limit. ' +
        'Your local SENDIASS can help you work out what to do next.',
    );
  });

  it('copes with a request from 2019', () => {
    expect(timelinePosition(request('2019-05-07'), '2026-11-23')).toMatch(/It is over 7 years past the 20-week limit\./);
  });

  it('speaks of two dates on the same day together', () => {
    const refusal = deadlinesOf(refusalDeadlines({ decisionDate: '2026-09-15', today: '2026-09-20' }));
    expect(timelinePosition(refusal, '2026-09-20')).toBe(
      'Contact a mediation adviser by Sunday 15 November 2026. The last day to appeal to the tribunal is Sunday 15 November 2026. That is 8 weeks away.',
    );
    expect(timelinePosition(refusal, '2026-11-18')).toMatch(/It is 3 days past those limits\./);
  });

  it('uses the dates, not the status stored when they were worked out', () => {
    const deadlines = request('2026-03-03');
    expect(deadlines[0]?.status).toBe('upcoming');
    expect(timelinePosition(deadlines, '2026-05-01')).toMatch(/^The council should have told you by now/);
  });

  it('refuses an empty list with an operator error', () => {
    expect(() => timelinePosition([], '2026-11-23')).toThrow(/^timelinePosition\(\): deadlines is empty because/);
  });
});
