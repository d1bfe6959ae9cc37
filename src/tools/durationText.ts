// Plain-English length of time between two calendar dates ("2 days", "3 weeks and 1 day", "over 6 years").
import { addMonths, daysBetween, wholeMonthsBetween } from './ukDate.js';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * How far apart two dates are, in the unit a person would use: days up to 2 weeks, weeks up to 2 months,
 * months up to 2 years, then years. Order does not matter. "over" marks a figure rounded down.
 */
export function durationText(fromIso: string, toIso: string): string {
  const [earlier, later] = fromIso <= toIso ? [fromIso, toIso] : [toIso, fromIso];
  const days = daysBetween(earlier, later);
  const months = wholeMonthsBetween(earlier, later);
  if (days < 14) return plural(days, 'day', 'days');
  if (months < 2) {
    const weeks = Math.floor(days / 7);
    const rest = days % 7;
    return rest === 0 ? plural(weeks, 'week', 'weeks') : `${plural(weeks, 'week', 'weeks')} and ${plural(rest, 'day', 'days')}`;
  }
  if (months < 24) {
    const exact = addMonths(earlier, months) === later;
    return `${exact ? '' : 'over '}${plural(months, 'month', 'months')}`;
  }
  const years = Math.floor(months / 12);
  const exact = addMonths(earlier, years * 12) === later;
  return `${exact ? '' : 'over '}${plural(years, 'year', 'years')}`;
}
