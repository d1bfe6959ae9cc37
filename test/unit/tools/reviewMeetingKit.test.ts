import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { isGsm7Safe, toGsm7 } from '../../../src/tools/gsm7.js';
import { REVIEW_QUESTIONS_FILE, REVIEW_WORRIES, loadReviewQuestionBank, parseReviewQuestionBank } from '../../../src/tools/reviewQuestionBank.js';
import type { ReviewWorry } from '../../../src/tools/reviewQuestionBank.js';
import { SMS_PIECE_MAX, TARGETS_MAX, buildReviewMeetingKit } from '../../../src/tools/reviewMeetingKit.js';

const bank = await loadReviewQuestionBank();
const yamlText = readFileSync(REVIEW_QUESTIONS_FILE, 'utf8');

describe('the question bank (content/tools/review-questions.yaml)', () => {
  it('has one entry for each fixed worry, in the dialog’s order', () => {
    expect(bank.worries.map((worry) => worry.id)).toEqual([...REVIEW_WORRIES]);
  });

  it('covers what the Code says a review should settle: outcomes, who does what, the next review date, the child’s views, a written record', () => {
    const closing = bank.closing.questions.join(' ');
    expect(closing).toMatch(/agreed/);
    expect(closing).toMatch(/Who will do each thing, and by when/);
    expect(closing).toMatch(/next review meeting/);
    expect(closing).toMatch(/written record/);
    expect(bank.childViews.questions.join(' ')).toMatch(/my child/);
    expect(bank.intro).toMatch(/at least three times a year/);
    expect(bank.sources.map((source) => source.label)).toContain('SEND Code of Practice 6.65');
  });

  it('keeps questions short and plain: under 25 words each', () => {
    const all = [bank.firstReview, bank.laterReview, bank.targets, bank.childViews, bank.closing, ...bank.worries].flatMap((s) => s.questions);
    for (const question of all) expect(question.split(/\s+/).length, question).toBeLessThan(25);
  });

  it('refuses a bank missing a worry, naming the file and field', () => {
    const broken = yamlText.replace(/  - id: moving-school[\s\S]*?(?=\ntargets:)/, '');
    expect(() => parseReviewQuestionBank(broken, 'broken.yaml')).toThrow(/broken\.yaml is not a valid question bank because worries needs exactly one entry for worry "moving-school"/);
  });

  it('refuses a question that is not a question', () => {
    const broken = yamlText.replace('Can my child visit before the move?', 'Visit before the move.');
    expect(() => parseReviewQuestionBank(broken, 'broken.yaml')).toThrow(/must end with a question mark/);
  });

  it('refuses invalid YAML with the file name', () => {
    expect(() => parseReviewQuestionBank('title: [unclosed', 'bad.yaml')).toThrow(/bad\.yaml is not valid YAML/);
  });
});

describe('a personal question list', () => {
  it('starts differently for a first review and a later one', () => {
    const first = buildReviewMeetingKit({ firstReview: true, worries: [] }, bank);
    const later = buildReviewMeetingKit({ firstReview: false, worries: [] }, bank);
    expect(first.sections[0]?.heading).toBe(bank.firstReview.heading);
    expect(later.sections[0]?.heading).toBe(bank.laterReview.heading);
    expect(first.questions).toEqual(expect.arrayContaining(bank.firstReview.questions));
    expect(first.questions).not.toEqual(expect.arrayContaining(bank.laterReview.questions));
  });

  it('adds the questions for each chosen worry, once, in the bank’s order, and always ends with the child’s views and what was agreed', () => {
    const kit = buildReviewMeetingKit({ firstReview: false, worries: ['moving-school', 'friendships', 'friendships'] }, bank);
    expect(kit.sections.map((section) => section.heading)).toEqual([
      'Since the last review', 'Friendships', 'Moving class or school', "Your child's views", 'Before the meeting ends',
    ]);
  });

  it('includes every question for every worry when all are chosen', () => {
    const kit = buildReviewMeetingKit({ firstReview: true, worries: [...REVIEW_WORRIES] }, bank);
    for (const worry of bank.worries) expect(kit.questions).toEqual(expect.arrayContaining(worry.questions));
  });

  it('numbers questions through the whole list', () => {
    const kit = buildReviewMeetingKit({ firstReview: true, worries: ['progress'] }, bank);
    const numbers = [...kit.questionList.plainText.matchAll(/^(\d+)\. /gm)].map((match) => Number(match[1]));
    expect(numbers).toEqual(kit.questions.map((_, index) => index + 1));
  });

  it('quotes the targets the parent wrote, with questions about them', () => {
    const kit = buildReviewMeetingKit({ firstReview: false, worries: ['targets'], targets: 'Read 20 words by sight.\nWrite a full sentence.' }, bank);
    const section = kit.sections.find((s) => s.heading === bank.targets.heading);
    expect(section?.quote).toBe('Read 20 words by sight.\nWrite a full sentence.');
    expect(kit.questionList.plainText).toContain('You wrote: Read 20 words by sight.');
    expect(kit.record.plainText).toContain('Targets we talked about:\nRead 20 words by sight.');
  });

  it('rejects a worry that is not on the list', () => {
    expect(() => buildReviewMeetingKit({ firstReview: true, worries: ['homework' as ReviewWorry] }, bank)).toThrow(/worry "homework" is unknown/);
  });
});

describe('hostile or long targets', () => {
  const kit = buildReviewMeetingKit({
    firstReview: false,
    worries: ['targets'],
    targets: '<script>alert(1)</script> **bold** [x](javascript:alert(1)) 👩‍👧 مرحبا\u0000\u202E',
  }, bank);

  it('escapes them in markdown so they render as text', () => {
    for (const markdown of [kit.questionList.markdown, kit.record.markdown]) {
      const html = marked.parse(markdown, { async: false });
      const tags = html.match(/<[^>]*>/g) ?? [];
      for (const tag of tags) expect(tag).toMatch(/^<\/?(p|br|strong|ol|ol start="\d+"|li)>$/);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](javascript:alert(1)) 👩‍👧 مرحبا');
    }
  });

  it('strips control characters', () => {
    expect(kit.questionList.plainText).not.toMatch(/[\u0000\u202E]/);
  });

  it('caps very long targets and says so', () => {
    const long = buildReviewMeetingKit({ firstReview: false, worries: [], targets: 'Read more words. '.repeat(600) }, bank);
    expect(long.sections.find((s) => s.quote !== undefined)?.quote?.length).toBeLessThanOrEqual(TARGETS_MAX);
    expect(long.notes).toEqual(['We shortened the targets you wrote to 1,000 characters.']);
  });
});

describe('SMS pieces', () => {
  const worrySets: ReviewWorry[][] = [[], ['progress'], [...REVIEW_WORRIES]];
  for (const worries of worrySets) {
    it(`are each at most 320 GSM-7 basic characters (${worries.length} worries)`, () => {
      const kit = buildReviewMeetingKit({ firstReview: true, worries, targets: `Targets with “curly quotes”, emoji 😀, [brackets] and ${'long text '.repeat(80)}` }, bank);
      for (const piece of [...kit.questionList.smsPieces, ...kit.record.smsPieces]) {
        expect(piece.length).toBeLessThanOrEqual(SMS_PIECE_MAX);
        expect(isGsm7Safe(piece)).toBe(true);
      }
    });
  }

  it('carry every question, none split between pieces', () => {
    const kit = buildReviewMeetingKit({ firstReview: true, worries: [...REVIEW_WORRIES] }, bank);
    kit.questions.forEach((question, index) => {
      const line = `${index + 1}. ${toGsm7(question).text}`;
      const lines = kit.questionList.smsPieces.flatMap((piece) => piece.replace(/^\(\d+ of \d+\) /, '').split('\n'));
      expect(lines, line).toContain(line);
    });
  });

  it('are labelled "(1 of n)" when there are several, and no piece ends on a heading', () => {
    const kit = buildReviewMeetingKit({ firstReview: true, worries: [...REVIEW_WORRIES] }, bank);
    const pieces = kit.questionList.smsPieces;
    expect(pieces.length).toBeGreaterThan(1);
    pieces.forEach((piece, index) => {
      expect(piece.startsWith(`(${index + 1} of ${pieces.length}) `)).toBe(true);
      expect(piece.split('\n').at(-1)).toMatch(/^\d+\. /);
    });
  });

  it('give the record as headings to write under', () => {
    const kit = buildReviewMeetingKit({ firstReview: true, worries: [] }, bank);
    expect(kit.record.smsPieces.join('\n')).toMatch(/1\) What has gone well since the last review; 2\) What we agreed; 3\) Who will do what; 4\) By when; 5\) Date of the next review meeting\./);
  });
});

describe('the record template', () => {
  it('has space for what was agreed, who does what, by when and the next review date', () => {
    const kit = buildReviewMeetingKit({ firstReview: true, worries: [] }, bank);
    for (const field of ['What we agreed:', 'Who will do what:', 'By when:', 'Date of the next review meeting:']) {
      expect(kit.record.plainText).toContain(field);
      expect(kit.record.markdown).toContain(`**${field}**`);
    }
    expect(kit.record.fileName).toBe('review-meeting-record.txt');
  });
});
