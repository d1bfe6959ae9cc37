// Builds a parent's personal list of questions for a SEN support review meeting, and a record sheet to fill in.
//
// The questions come from the question bank (content/tools/review-questions.yaml), chosen by the parent's
// worries; outputs are plain text, markdown with the parent's own words escaped, and SMS pieces of at most
// 320 GSM-7 characters (two joined SMS parts).
import type { SourceRef } from '../knowledge/types.js';
import { escapeMarkdown } from './escapeText.js';
import { packSmsPieces, toGsm7, truncateForSms } from './gsm7.js';
import type { ReviewQuestionBank, ReviewWorry } from './reviewQuestionBank.js';
import { REVIEW_WORRIES } from './reviewQuestionBank.js';
import { cleanUserText } from './userText.js';

export interface ReviewKitAnswers {
  firstReview: boolean;
  worries: readonly ReviewWorry[];
  /** The targets as the parent wrote them, if they want them in the list. */
  targets?: string;
}

export interface KitSection {
  heading: string;
  /** Text the parent wrote, shown under the heading (already cleaned, not escaped). */
  quote?: string;
  questions: string[];
}

export interface KitDocument {
  title: string;
  plainText: string;
  markdown: string;
  /** Each at most SMS_PIECE_MAX GSM-7 basic characters. */
  smsPieces: string[];
  fileName: string;
}

export interface ReviewMeetingKit {
  sections: KitSection[];
  /** Every question in order, numbered as in the documents. */
  questions: string[];
  questionList: KitDocument;
  record: KitDocument;
  sources: SourceRef[];
  /** Notes for the parent, e.g. that their targets were shortened. */
  notes: string[];
}

export const SMS_PIECE_MAX = 320;
export const TARGETS_MAX = 1000;
const SMS_TARGETS_MAX = 200;
// Room for "(12 of 12) " at the start of a piece.
const PIECE_LABEL_ROOM = 11;

function checkWorries(worries: readonly string[]): void {
  for (const worry of worries) {
    if (!(REVIEW_WORRIES as readonly string[]).includes(worry)) {
      throw new Error(`buildReviewMeetingKit(): worry "${worry}" is unknown because worries must come from REVIEW_WORRIES. Offer only those ids in the dialog.`);
    }
  }
}

function sectionsFor(answers: ReviewKitAnswers, bank: ReviewQuestionBank, targets: string): KitSection[] {
  const opening = answers.firstReview ? bank.firstReview : bank.laterReview;
  const sections: KitSection[] = [{ heading: opening.heading, questions: [...opening.questions] }];
  // Worries in the bank's order, whatever order they were chosen in, each once.
  for (const worry of bank.worries) {
    if (answers.worries.includes(worry.id)) sections.push({ heading: worry.heading, questions: [...worry.questions] });
  }
  if (targets !== '') sections.push({ heading: bank.targets.heading, quote: targets, questions: [...bank.targets.questions] });
  sections.push({ heading: bank.childViews.heading, questions: [...bank.childViews.questions] });
  sections.push({ heading: bank.closing.heading, questions: [...bank.closing.questions] });
  return sections;
}

function questionDocuments(title: string, intro: string, sections: KitSection[]): Pick<KitDocument, 'plainText' | 'markdown' | 'smsPieces'> {
  const plain: string[] = [title, '', intro];
  const markdown: string[] = [`**${title}**`, '', intro];
  const smsBlocks: string[] = [];
  let number = 0;
  for (const section of sections) {
    plain.push('', section.heading);
    markdown.push('', `**${section.heading}**`, '');
    // A heading travels with the first thing under it, so no text message ends on a heading alone.
    let smsLead = toGsm7(`${section.heading}:`).text;
    if (smsBlocks.length === 0) smsLead = `${toGsm7(`${title}:`).text}\n${smsLead}`;
    if (section.quote !== undefined) {
      plain.push(`You wrote: ${section.quote}`);
      markdown.push(`You wrote: ${escapeMarkdown(section.quote).split('\n').join('\\\n')}`, '');
      smsLead += `\nYou wrote: ${truncateForSms(toGsm7(section.quote.replace(/\s+/g, ' ')).text, SMS_TARGETS_MAX)}`;
    }
    section.questions.forEach((question, index) => {
      number += 1;
      plain.push(`${number}. ${question}`);
      markdown.push(`${number}. ${question}`);
      const line = `${number}. ${toGsm7(question).text}`;
      smsBlocks.push(index === 0 ? `${smsLead}\n${line}` : line);
    });
  }
  return { plainText: `${plain.join('\n')}\n`, markdown: `${markdown.join('\n')}\n`, smsPieces: numberPieces(smsBlocks) };
}

/** Packs blocks into pieces and, when there is more than one, starts each with "(2 of 5)". */
function numberPieces(blocks: string[]): string[] {
  const pieces = packSmsPieces(blocks, SMS_PIECE_MAX - PIECE_LABEL_ROOM);
  if (pieces.length === 1) return pieces;
  return pieces.map((piece, index) => `(${index + 1} of ${pieces.length}) ${piece}`);
}

function recordDocument(bank: ReviewQuestionBank, targets: string): KitDocument {
  const { title, intro, fields } = bank.record;
  const plain: string[] = [title, '', intro, '', 'Date of the meeting:', '', 'Who was there:', ''];
  const markdown: string[] = [`**${title}**`, '', intro, '', '**Date of the meeting:**', '', '**Who was there:**', ''];
  if (targets !== '') {
    plain.push('Targets we talked about:', targets, '');
    markdown.push('**Targets we talked about:**', '', escapeMarkdown(targets).split('\n').join('\\\n'), '');
  }
  for (const field of fields) {
    plain.push(`${field}:`, '', '');
    markdown.push(`**${field}:**`, '', '');
  }
  const smsBlocks = [
    toGsm7(`${title}. ${intro}`).text,
    toGsm7(`Write down: ${fields.map((field, index) => `${index + 1}) ${field}`).join('; ')}.`).text,
  ];
  return {
    title,
    plainText: `${plain.join('\n').trimEnd()}\n`,
    markdown: `${markdown.join('\n').trimEnd()}\n`,
    smsPieces: numberPieces(smsBlocks),
    fileName: 'review-meeting-record.txt',
  };
}

export function buildReviewMeetingKit(answers: ReviewKitAnswers, bank: ReviewQuestionBank): ReviewMeetingKit {
  checkWorries(answers.worries);
  const cleaned = cleanUserText(answers.targets, { maxLength: TARGETS_MAX, multiline: true });
  const notes = cleaned.shortened
    ? [`We shortened the targets you wrote to ${TARGETS_MAX.toLocaleString('en-GB')} characters.`]
    : [];
  const sections = sectionsFor(answers, bank, cleaned.text);
  const list = questionDocuments(bank.title, bank.intro.trim(), sections);
  return {
    sections,
    questions: sections.flatMap((section) => section.questions),
    questionList: { title: bank.title, ...list, fileName: 'review-meeting-questions.txt' },
    record: recordDocument(bank, cleaned.text),
    sources: bank.sources,
    notes,
  };
}
