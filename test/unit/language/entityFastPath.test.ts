import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as RecognizersSuite from '@microsoft/recognizers-text-suite';
import { recogniseEntities } from '../../../src/language/recogniseEntities.js';
import { mayHoldDate, mayHoldNumber } from '../../../src/language/recogniserSignals.js';

// The same module object recogniseEntities loads lazily, so spies on it see the real calls.
const suite = createRequire(import.meta.url)('@microsoft/recognizers-text-suite') as typeof RecognizersSuite;

// A Monday mid-morning; the day the corpus's "3 March" falls on, late at night; a leap day just after midnight.
const REFERENCE_DATES: Array<[string, Date]> = [
  ['Monday 23 November 2026', new Date(Date.UTC(2026, 10, 23, 9, 30))],
  ['Tuesday 3 March 2026, 23:00', new Date(Date.UTC(2026, 2, 3, 23, 0))],
  ['Tuesday 29 February 2028, 00:05', new Date(Date.UTC(2028, 1, 29, 0, 5))],
];

const CORPUS = [
  // Every written form the fast reader covers, alone and in sentences.
  'the council got my request on 3 March 2026',
  '3 March 2026', '3rd March 2026', '3rd of March 2026', 'the 3rd of March 2026', 'March 3, 2026', 'March 3rd 2026',
  'March 3rd, 2026', '3 Mar 2026', '3 March, 2026', '03 March 2026', '3 MARCH 2026', '3  March  2026',
  '4 Sept 2026', '4 Sep 2026', 'Sept 4 2026', 'Sep 4th, 2026', '1 Jan 2026', '12 Feb 2025', '30 Apr 2026', '7 Jun 2026',
  '7 Jul 2026', '15 Aug 2026', '21 Oct 2026', '22 Nov 2026', '24 Dec 2025', '1st May 2026', 'May 1st 2026',
  'we sent the letter on 4 Sept 2026 and heard nothing', 'I applied on the 21st of October 2025, is that too late?',
  'They said the plan would be ready by the end of term but it is now 3 March 2026.',
  'The EHCP draft arrived on 12 Feb 2025 (finally)', 'was it 30 June 1999?', 'Dated 1 December 2025.',
  // Without a year, either side of each reference date.
  '3 March', 'on 3 March', 'on the 3rd of March', 'March 3', 'March 3rd', '2 March', '4 March', '28 February',
  '29 February', '1 March', '22 November', '23 November', '24 November', '31 December', '1 January', 'on 1st Jan',
  'the meeting was on 24 November', 'we asked on 2nd March and they ignored us', 'the annual review is on 4 Mar',
  'we posted it on the 2nd of December', 'the 31st of March', '1st Sept', '1st sep', 'Sept 3',
  // today and yesterday.
  'today', 'yesterday', 'Today', 'the letter came yesterday', 'school rang me today', "today's meeting went badly",
  'yesterday and today', 'we got it today, finally!', 'up to today', 'until today', 'as of today', 'the day before yesterday',
  // Two dates in one message.
  'we asked on 3 March 2026 and again on 4 April 2026', '3 March 2026, 4 April 2026', '3 March and 5 March',
  'on 3/4/2026 and 5 March 2026', 'between 3 March and 5 March', 'from 3 March to 5 March', '3rd and 4th March',
  'we met on 1 June 2026 and then on 3 July', 'yesterday, and on 3 March 2026',
  // Impossible dates.
  'reference 31 February 2026', 'on 30 February', '31 April 2026', '29 February 2027', 'the 31st of June',
  '31/2/2026', 'on 31 Feb',
  // Dates the recogniser reads with something next to them.
  'since 3 March 2026', 'before 3 March', 'after 3 March 2026', 'by 3 March', 'until 3 March 2026', 'around 3 March',
  '3 March 2026 at 10am', '3 March 2026 10am', 'Tuesday 3 March 2026', 'on Tuesday 3rd March', 'the week of 3 March',
  'w/c 3 March', 'early March 2026', 'end of March', '3 March last year', '3 March onwards', '3 March or later',
  '3 March 2026 - 5 March 2026', '3-5 March', 'March 2026', 'in March', 'ten March 3', '3 March 26',
  'every evening after school, today', 'he cries at night and on 3 March 2026 we asked',
  'more than one meeting, on yesterday? a couple of days ago', '3 March 2026 was the end of',
  'I may 3 times have asked', 'we may have sent it on 3 May 2026',
  // Relative dates.
  'last Tuesday', 'the meeting was last Tuesday', '3 weeks ago', 'we applied 7 weeks ago', 'a fortnight ago', 'next Monday',
  'last week', 'this time last year', 'yesterday morning', 'two days ago', 'a couple of days ago', 'in 6 weeks',
  'on Friday', 'tomorrow', 'over christmas', 'before easter', 'at half term', 'next term', 'the summer holidays',
  'recently', 'we recently applied', 'at the moment', 'right now', 'asap please', 'the day', 'on the first',
  // Numbers, ages and school years.
  'we had 2 meetings', 'three times now', 'a dozen emails', 'half the day', 'about 1,500 words', 'it cost £10k',
  "he's 7", "he's 7 and struggling", '7 years old', 'my 12 year old son', 'she is twelve', 'aged 9',
  'my 15-year-old daughter', 'he is 7 weeks behind', 'she is 100% sure', 'she is in Year 5', 'Y6 SATs worry', 'yr 3',
  'he started reception in September', 'my son is in year 11 and 16 years old', 'about 3/4 of his class have help',
  'he is 7 and on 3 March 2026 we applied', 'twins, both aged 6, in year 1',
  // Nothing to find.
  'what does special educational needs actually mean', 'the school keeps saying my son has SEN',
  'how do I ask for an EHC needs assessment', 'I am worried about my daughter', 'can you help me please',
  'who can I talk to about this', 'thank you so much', 'hello', 'the term has been awful', 'my son hates school',
  // Short replies.
  'yes', 'no', 'Yeah', 'nope', 'yes please', 'not really', 'yes on 3 March', 'no, yesterday',
];

const NLU_TEST = readFileSync(new URL('../../eval/nlu-test.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);

const MESSAGES = [...new Set([...CORPUS, ...NLU_TEST])];

describe('recogniseEntities: the fast path finds what the full recognisers find', () => {
  it('compares a corpus of at least 150 varied messages', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(MESSAGES.length).toBeGreaterThan(400);
  });

  it.each(REFERENCE_DATES)('on %s', (_, referenceDate) => {
    // No deliberate differences: where the fast reader cannot vouch for a reading it leaves the message to the recogniser.
    const differences = MESSAGES.flatMap((text) => {
      const fast = recogniseEntities(text, { referenceDate });
      const full = recogniseEntities(text, { referenceDate, alwaysUseRecognisers: true });
      return JSON.stringify(fast) === JSON.stringify(full) ? [] : [{ text, fast, full }];
    });
    expect(differences).toEqual([]);
  });
});

describe('recogniseEntities: skipping the recognisers', () => {
  const referenceDate = REFERENCE_DATES[0]![1];
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('does not call the date or number recogniser for a message with no digit, date word or number word', () => {
    const dateTime = vi.spyOn(suite, 'recognizeDateTime');
    const number = vi.spyOn(suite, 'recognizeNumber');
    expect(recogniseEntities('what does special educational needs actually mean', { referenceDate })).toEqual({
      dates: [], ages: [], schoolYears: [], numbers: [],
    });
    expect(dateTime).not.toHaveBeenCalled();
    expect(number).not.toHaveBeenCalled();
  });

  it('reads a written date without calling either recogniser', () => {
    const dateTime = vi.spyOn(suite, 'recognizeDateTime');
    const number = vi.spyOn(suite, 'recognizeNumber');
    expect(recogniseEntities('the council got my request on 3 March 2026', { referenceDate }).dates).toEqual([
      { text: '3 march 2026', date: '2026-03-03' },
    ]);
    expect(dateTime).not.toHaveBeenCalled();
    expect(number).not.toHaveBeenCalled();
  });

  it('calls the date recogniser when a date word is left for it', () => {
    const dateTime = vi.spyOn(suite, 'recognizeDateTime');
    expect(recogniseEntities('the meeting was last Tuesday', { referenceDate }).dates).toEqual([
      { text: 'last tuesday', date: '2026-11-17' },
    ]);
    expect(dateTime).toHaveBeenCalledTimes(1);
  });

  it('calls the number recogniser when a number word is left for it', () => {
    const number = vi.spyOn(suite, 'recognizeNumber');
    expect(recogniseEntities('we have asked them a dozen times', { referenceDate }).numbers).toEqual([12]);
    expect(number).toHaveBeenCalledTimes(1);
  });

  it('calls both for every message when asked to', () => {
    const dateTime = vi.spyOn(suite, 'recognizeDateTime');
    const number = vi.spyOn(suite, 'recognizeNumber');
    recogniseEntities('what does special educational needs actually mean', { referenceDate, alwaysUseRecognisers: true });
    expect(dateTime).toHaveBeenCalledTimes(1);
    expect(number).toHaveBeenCalledTimes(1);
  });
});

describe('mayHoldDate and mayHoldNumber: no missed dates or numbers', () => {
  // Words near the edge of the recogniser's vocabulary, each put in phrasings that make dates or numbers of them.
  const WORDS = [
    'ago', 'last', 'next', 'this', 'coming', 'past', 'previous', 'term', 'half-term', 'half term', 'christmas', 'xmas',
    'easter', 'halloween', 'fortnight', 'week', 'month', 'year', 'weekend', 'day', 'tomorrow', 'tmrw', 'tmr', 'otd',
    'eod', 'today', 'yesterday', 'tonight', 'morning', 'evening', 'noon', 'midnight', 'lunchtime', 'now', 'asap',
    'recently', 'previously', 'present', 'moment', 'minute', 'hour', 'second', 'time', 'soon', 'later', 'earlier',
    'monday', 'tues', 'weds', 'fri', 'sat', 'sun', 'march', 'may', 'sept', 'summer', 'spring', 'birthday', 'new year',
    "mother's day", 'boxing day', 'ramadan', 'eid', 'one', 'first', 'third', 'twelfth', 'twenty', 'hundred', 'dozen',
    'couple', 'few', 'several', 'half', 'quarter', 'both', 'once', 'twice', 'nought', 'none', 'lockdown', 'holidays',
    'school', 'meeting', 'assessment', 'the', 'a', 'sen', 'ehcp', 'tribunal', 'review', 'letter', 'deadline', 'while',
    'ages', 'other', 'same', 'end', 'start', 'beginning', 'middle', 'rest', 'whole', 'all', 'every', 'each',
  ];
  const PHRASINGS = ['{w}', 'on the {w}', 'last {w}', 'a {w} ago', 'for the {w}.', 'it was {w} then'];
  const referenceDate = REFERENCE_DATES[0]![1];

  it('never rules out a text the recognisers find something in', () => {
    const missed = WORDS.flatMap((w) => PHRASINGS.map((p) => p.replace('{w}', w))).flatMap((text) => {
      const full = recogniseEntities(text, { referenceDate, alwaysUseRecognisers: true });
      const missedDate = full.dates.length > 0 && !mayHoldDate(text);
      const missedNumber = full.numbers.length > 0 && !mayHoldNumber(text);
      return missedDate || missedNumber ? [{ text, dates: full.dates, numbers: full.numbers }] : [];
    });
    expect(missed).toEqual([]);
  });

  it('rules out ordinary messages', () => {
    expect(mayHoldDate('what does special educational needs actually mean')).toBe(false);
    expect(mayHoldDate('the school said no to the assessment')).toBe(false);
    expect(mayHoldNumber('my son hates school')).toBe(false);
    expect(mayHoldNumber('someone tended the tent')).toBe(false);
  });
});
