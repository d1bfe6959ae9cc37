// One or two plain sentences telling a family where they are among their statutory dates today.
import type { DeadlineId, StatutoryDeadline } from './statutoryDeadlines.js';
import { durationText } from './durationText.js';
import { formatUkDate, parseIsoDate } from './ukDate.js';

interface Wording {
  /** Before the date; `{date}` is replaced. */
  ahead: string;
  /** On the last day itself. */
  onTheDay: string;
  /** After the date. */
  passed: string;
  /** Used in "It is 2 days past {limit}." */
  limit: string;
}

const WORDING: Record<DeadlineId, Wording> = {
  'decision-to-assess': {
    ahead: 'The council must tell you by {date} whether it will assess.',
    onTheDay: 'Today is the last day for the council to tell you whether it will assess.',
    passed: 'The council should have told you by now whether it will assess.',
    limit: 'the 6-week limit',
  },
  'no-plan-decision': {
    ahead: 'If the council assesses and decides not to make a plan, it must tell you by {date}.',
    onTheDay: 'If the council has assessed and decided not to make a plan, today is the last day for it to tell you.',
    passed: 'If the council assessed and decided not to make a plan, it should have told you by now.',
    limit: 'the 16-week limit',
  },
  'final-plan': {
    ahead: 'If the council makes a plan, the final plan must be issued by {date}.',
    onTheDay: 'If the council is making a plan, today is the last day for the final plan to be issued.',
    passed: 'If the council agreed to make a plan, the final plan should have been issued by now.',
    limit: 'the 20-week limit',
  },
  'mediation-adviser': {
    ahead: 'Contact a mediation adviser by {date}.',
    onTheDay: 'Today is the last day to contact a mediation adviser.',
    passed: 'The 2 months to contact a mediation adviser have passed.',
    limit: 'the 2-month limit',
  },
  appeal: {
    ahead: 'The last day to appeal to the tribunal is {date}.',
    onTheDay: 'Today is the last day to appeal to the tribunal.',
    passed: 'The usual time limit for appealing has passed.',
    limit: 'the appeal time limit',
  },
};

const AFTER_EVERYTHING = 'Your local SENDIASS can help you work out what to do next.';

/**
 * Where the family is today: what is overdue (and by how long), what is due today, and what comes next.
 * Dates that fall on the same day are spoken of together.
 */
export function timelinePosition(deadlines: readonly StatutoryDeadline[], today: string): string {
  parseIsoDate(today, 'timelinePosition() (today)');
  if (deadlines.length === 0) {
    throw new Error('timelinePosition(): deadlines is empty because no dates were worked out. Pass the deadlines from assessmentDeadlines() or refusalDeadlines().');
  }
  const sorted = [...deadlines].sort((a, b) => a.date.localeCompare(b.date));
  const dueToday = sorted.filter((deadline) => deadline.date === today);
  const passed = sorted.filter((deadline) => deadline.date < today);
  const ahead = sorted.filter((deadline) => deadline.date > today);
  const lastPassedDate = passed.at(-1)?.date;
  const nextDate = ahead[0]?.date;

  const sentences: string[] = [];
  if (dueToday.length > 0) {
    sentences.push(...dueToday.map((deadline) => WORDING[deadline.id].onTheDay));
  } else if (lastPassedDate !== undefined) {
    const group = passed.filter((deadline) => deadline.date === lastPassedDate);
    sentences.push(...group.map((deadline) => WORDING[deadline.id].passed));
    const first = group[0];
    const limit = group.length === 1 && first ? WORDING[first.id].limit : 'those limits';
    sentences.push(`It is ${durationText(lastPassedDate, today)} past ${limit}.`);
  }
  if (nextDate !== undefined) {
    const group = ahead.filter((deadline) => deadline.date === nextDate);
    const dateText = formatUkDate(nextDate);
    sentences.push(...group.map((deadline) => WORDING[deadline.id].ahead.replace('{date}', dateText)));
    sentences.push(`That is ${durationText(today, nextDate)} away.`);
  } else if (dueToday.length === 0) {
    sentences.push(AFTER_EVERYTHING);
  }
  return sentences.join(' ');
}
