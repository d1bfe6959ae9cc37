import { describe, expect, it } from 'vitest';
import { durationText } from '../../../src/tools/durationText.js';

describe('durationText', () => {
  it.each([
    ['2026-11-23', '2026-11-24', '1 day'],
    ['2026-11-23', '2026-12-06', '13 days'],
    ['2026-11-23', '2026-12-07', '2 weeks'],
    ['2026-11-23', '2026-12-08', '2 weeks and 1 day'],
    ['2026-11-23', '2027-01-17', '7 weeks and 6 days'],
    ['2026-09-20', '2026-11-15', '8 weeks'],
    ['2026-11-23', '2027-01-23', '2 months'],
    ['2026-11-23', '2027-01-24', 'over 2 months'],
    ['2026-04-14', '2026-11-23', 'over 7 months'],
    ['2024-11-23', '2026-11-23', '2 years'],
    ['2019-06-18', '2026-11-23', 'over 7 years'],
  ])('%s to %s is "%s"', (from, to, expected) => {
    expect(durationText(from, to)).toBe(expected);
    expect(durationText(to, from)).toBe(expected);
  });

  it('says 0 days for the same date', () => {
    expect(durationText('2026-11-23', '2026-11-23')).toBe('0 days');
  });
});
