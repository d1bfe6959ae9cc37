// The statutory dates for an EHC needs assessment request and for challenging a refusal, with where each comes from.
//
// Sources (facts.md section 4 and the Timescales table): SEND Regulations 2014 regs 4(1)/5(1) (6 weeks),
// reg 10 (16 weeks), reg 13(2) (20 weeks), reg 33 (mediation adviser, 2 months); HESC Tribunal Rules 2008
// r20(1)(c) (appeal: 2 months from the decision or 1 month from the mediation certificate, whichever is later);
// exceptions in regs 5(4), 10(4), 13(3) (facts.md 35). Everything works on calendar dates, never clock times.
import type { SourceRef } from '../knowledge/types.js';
import { addMonths, addWeeks, daysBetween, formatUkDate, isIsoDate, parseIsoDate } from './ukDate.js';

export type DeadlineStatus = 'passed' | 'due-soon' | 'upcoming';

export type DeadlineId = 'decision-to-assess' | 'no-plan-decision' | 'final-plan' | 'mediation-adviser' | 'appeal';

/** A date counts as due soon from 7 days before it up to and including the day itself. */
export const DUE_SOON_DAYS = 7;

export interface StatutoryDeadline {
  id: DeadlineId;
  /** What should happen by the date, as a sentence fragment ("The council tells you whether it will assess"). */
  label: string;
  /** At most 30 characters, for pictures, tables and SMS ("6 weeks: decision to assess"). */
  shortLabel: string;
  /** How the date is counted, in words ("6 weeks from the day the council received the request"). */
  rule: string;
  /** ISO date, yyyy-mm-dd: the last day of the time limit. */
  date: string;
  /** "Tuesday 14 April 2026". */
  dateText: string;
  source: SourceRef;
  status: DeadlineStatus;
  /** Negative once the date has passed; 0 on the day. */
  daysFromToday: number;
}

export interface DeadlineTimeline {
  kind: 'ok';
  /** "Your EHC needs assessment request" or "Challenging the council's decision". */
  title: string;
  /** The date everything is counted from. */
  start: { label: string; date: string; dateText: string };
  today: string;
  deadlines: StatutoryDeadline[];
  /** True when the last date passed more than a year before today: the dialog may want to check the date. */
  longAgo: boolean;
  /** Plain notes to show with the dates (how months are counted, exceptions). */
  notes: string[];
}

export type DeadlineProblemReason = 'invalid-date' | 'date-in-future' | 'certificate-before-decision';

export interface DeadlineProblem {
  kind: 'problem';
  reason: DeadlineProblemReason;
  /** Which input was wrong: requestReceived | decisionDate | mediationCertificateDate. */
  field: string;
  /** A short, kind explanation a parent can read. */
  message: string;
}

export type DeadlineResult = DeadlineTimeline | DeadlineProblem;

const SEND_REGS = 'https://www.legislation.gov.uk/uksi/2014/1530';

export const DEADLINE_SOURCES: Record<DeadlineId, SourceRef> = {
  'decision-to-assess': { label: 'SEND Regulations 2014 regs 4(1) and 5(1)', url: `${SEND_REGS}/regulation/5` },
  'no-plan-decision': { label: 'SEND Regulations 2014 reg 10', url: `${SEND_REGS}/regulation/10` },
  'final-plan': { label: 'SEND Regulations 2014 reg 13(2)', url: `${SEND_REGS}/regulation/13` },
  'mediation-adviser': { label: 'SEND Regulations 2014 reg 33', url: `${SEND_REGS}/part/2/crossheading/mediation` },
  appeal: { label: 'HESC Tribunal Rules 2008 r20(1)(c)', url: 'https://www.legislation.gov.uk/uksi/2008/2699/article/20' },
};

/** How we count months, shown with any date worked out in months. */
export const MONTH_COUNTING_NOTE =
  'We count a month to the same date in the later month. If that month is shorter, we use its last day. ' +
  'So 2 months from 31 December is 28 February, or 29 February in a leap year. ' +
  'This is the usual reading. If a day matters, check with your local SENDIASS.';

export interface TimeLimitExceptions {
  appliesTo: DeadlineId[];
  intro: string;
  cases: string[];
  sources: SourceRef[];
}

/** When the council may go over the assessment time limits (facts.md 35); data the dialog can show as it is. */
export const TIME_LIMIT_EXCEPTIONS: TimeLimitExceptions = {
  appliesTo: ['decision-to-assess', 'no-plan-decision', 'final-plan'],
  intro: 'The council can go over these time limits only in a few cases, and only when keeping to them is impractical:',
  cases: [
    "it asked your child's school or college for advice around the time the school or college was closed for 4 weeks or more",
    'there are exceptional personal circumstances',
    'you or your child are away from the area for 4 weeks or more',
  ],
  sources: [
    { label: 'SEND Regulations 2014 regs 5(4), 10(4) and 13(3)', url: `${SEND_REGS}/regulation/5` },
  ],
};

const EXCEPTIONS_NOTE = 'The council can go over these time limits only in a few exceptional cases.';

export function deadlineStatus(isoDate: string, today: string): DeadlineStatus {
  const daysLeft = daysBetween(today, isoDate);
  if (daysLeft < 0) return 'passed';
  return daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'upcoming';
}

interface DeadlineSpec {
  id: DeadlineId;
  label: string;
  shortLabel: string;
  rule: string;
  date: string;
}

function build(spec: DeadlineSpec, today: string): StatutoryDeadline {
  return {
    ...spec,
    dateText: formatUkDate(spec.date),
    source: DEADLINE_SOURCES[spec.id],
    status: deadlineStatus(spec.date, today),
    daysFromToday: daysBetween(today, spec.date),
  };
}

function requireToday(today: string, where: string): void {
  parseIsoDate(today, `${where} (today)`);
}

function checkPastDate(field: string, value: string, today: string, futureMessage: string): DeadlineProblem | undefined {
  if (!isIsoDate(value)) {
    return {
      kind: 'problem',
      reason: 'invalid-date',
      field,
      message: 'Sorry, that does not look like a real date. Please give the day, month and year, for example 3 March 2026.',
    };
  }
  if (value > today) return { kind: 'problem', reason: 'date-in-future', field, message: futureMessage };
  return undefined;
}

function isLongAgo(deadlines: StatutoryDeadline[], today: string): boolean {
  const last = deadlines.reduce((latest, deadline) => (deadline.date > latest ? deadline.date : latest), '');
  return last !== '' && addMonths(last, 12) < today;
}

export interface AssessmentRequestInput {
  /** ISO date the council RECEIVED the request (not the date it was sent). */
  requestReceived: string;
  today: string;
}

/** The 6-, 16- and 20-week points counted from the day the council received the request. */
export function assessmentDeadlines(input: AssessmentRequestInput): DeadlineResult {
  requireToday(input.today, 'assessmentDeadlines()');
  const problem = checkPastDate(
    'requestReceived',
    input.requestReceived,
    input.today,
    'That date is after today, so the council cannot have received your request yet. Please check the date. ' +
      'Once the council gets your request, it has 6 weeks to tell you whether it will assess.',
  );
  if (problem) return problem;

  const received = input.requestReceived;
  const deadlines = [
    build({
      id: 'decision-to-assess',
      label: 'The council tells you whether it will carry out an EHC needs assessment',
      shortLabel: '6 weeks: decision to assess',
      rule: '6 weeks from the day the council received the request',
      date: addWeeks(received, 6),
    }, input.today),
    build({
      id: 'no-plan-decision',
      label: 'If the council assesses and decides not to make an EHC plan, it tells you',
      shortLabel: '16 weeks: told if no plan',
      rule: '16 weeks from the day the council received the request',
      date: addWeeks(received, 16),
    }, input.today),
    build({
      id: 'final-plan',
      label: 'If the council makes an EHC plan, the final plan is issued',
      shortLabel: '20 weeks: final plan',
      rule: '20 weeks from the day the council received the request',
      date: addWeeks(received, 20),
    }, input.today),
  ];
  return {
    kind: 'ok',
    title: 'Your EHC needs assessment request',
    start: { label: 'Council received the request', date: received, dateText: formatUkDate(received) },
    today: input.today,
    deadlines,
    longAgo: isLongAgo(deadlines, input.today),
    notes: [EXCEPTIONS_NOTE],
  };
}

export interface RefusalInput {
  /** ISO date of the council's decision letter (a refusal to assess or to make a plan). */
  decisionDate: string;
  /** ISO date on the mediation certificate, if the family has one. */
  mediationCertificateDate?: string;
  today: string;
}

/** Dates for challenging a refusal: the mediation adviser (2 months) and the tribunal appeal (later of two limits). */
export function refusalDeadlines(input: RefusalInput): DeadlineResult {
  requireToday(input.today, 'refusalDeadlines()');
  const decisionProblem = checkPastDate(
    'decisionDate',
    input.decisionDate,
    input.today,
    "That date is after today. Please check the date on the council's decision letter.",
  );
  if (decisionProblem) return decisionProblem;

  const certificate = input.mediationCertificateDate;
  if (certificate !== undefined) {
    const certificateProblem = checkPastDate(
      'mediationCertificateDate',
      certificate,
      input.today,
      'That date is after today. Please check the date on the mediation certificate.',
    );
    if (certificateProblem) return certificateProblem;
    if (certificate < input.decisionDate) {
      return {
        kind: 'problem',
        reason: 'certificate-before-decision',
        field: 'mediationCertificateDate',
        message: 'The mediation certificate date is before the decision date. Please check both dates.',
      };
    }
  }

  const twoMonthsFromDecision = addMonths(input.decisionDate, 2);
  const oneMonthFromCertificate = certificate === undefined ? undefined : addMonths(certificate, 1);
  const certificateIsLater = oneMonthFromCertificate !== undefined && oneMonthFromCertificate > twoMonthsFromDecision;

  const deadlines = [
    build({
      id: 'mediation-adviser',
      label: 'Contact a mediation adviser (you need their certificate before you can appeal)',
      shortLabel: '2 months: mediation adviser',
      rule: '2 months from the date of the decision letter',
      date: twoMonthsFromDecision,
    }, input.today),
    build({
      id: 'appeal',
      label: 'Appeal to the First-tier Tribunal (SEND)',
      shortLabel: certificateIsLater ? '1 month after certificate' : '2 months: appeal',
      rule: certificateIsLater
        ? '1 month from the date on the mediation certificate, because that is later than 2 months from the decision letter'
        : certificate === undefined
          ? '2 months from the date of the decision letter, or 1 month from the mediation certificate if that is later'
          : '2 months from the date of the decision letter, because that is later than 1 month from the mediation certificate',
      date: certificateIsLater && oneMonthFromCertificate !== undefined ? oneMonthFromCertificate : twoMonthsFromDecision,
    }, input.today),
  ];
  return {
    kind: 'ok',
    title: "Challenging the council's decision",
    start: { label: 'Date of the decision letter', date: input.decisionDate, dateText: formatUkDate(input.decisionDate) },
    today: input.today,
    deadlines,
    longAgo: isLongAgo(deadlines, input.today),
    notes: [MONTH_COUNTING_NOTE],
  };
}
