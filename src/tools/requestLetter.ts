// Builds a parent's letter asking the council for an EHC needs assessment, as plain text, safe markdown and an SMS summary.
//
// The letter follows the elements of the model request letter listed in facts.md ("Model request letter"), in our
// own words: CFA 2014 s36(1) (who may ask) and s36(8) (the only test), SEND Regs 2014 reg 5(1) (6-week reply),
// the right of appeal (CFA s51), no required form (facts.md 28), keep a copy and proof of receipt.
import { escapeMarkdown } from './escapeText.js';
import { toGsm7, truncateForSms } from './gsm7.js';
import { formatUkDate, isIsoDate, parseIsoDate } from './ukDate.js';
import { cleanUserText } from './userText.js';

export interface RequestLetterInput {
  parentName?: string;
  childName: string;
  /** ISO date (yyyy-mm-dd) when known; other text is used as typed. */
  childDateOfBirth?: string;
  /** School, nursery or college. */
  setting?: string;
  outOfEducation?: boolean;
  needs: string;
  supportTried: string;
  whyPlanNeeded: string;
  councilName?: string;
  /** ISO date the letter is written. */
  today: string;
  /** What an SMS reader should do to get the whole letter; the SMS dialog should pass its own wording. */
  fullLetterHint?: string;
}

export interface RequestLetter {
  title: string;
  /** The whole letter, then notes for the parent under a clear divider. */
  plainText: string;
  /** The same, as markdown: everything the person typed is escaped for markdown and HTML. */
  markdown: string;
  /** At most 600 GSM-7 basic characters: a summary and where to get the full letter. */
  shortText: string;
  fileName: string;
  mimeType: 'text/plain';
  /** Notes for the parent, also at the end of plainText and markdown. */
  notes: string[];
  /** The placeholders left for the parent to fill in. */
  placeholders: string[];
}

/** Longest text kept from each answer, in characters: enough for a full page each, short enough for a letter. */
export const LETTER_LIMITS = { name: 100, setting: 200, councilName: 120, dateOfBirth: 40, longAnswer: 3000 } as const;

export const SHORT_TEXT_MAX = 600;

const DEFAULT_FULL_LETTER_HINT = 'Reply LETTER to get the full letter in several texts.';

type Part = string | { user: string } | { placeholder: string };
type Block = { kind: 'para' | 'heading' | 'bullet'; parts: Part[] } | { kind: 'gap' };

const FIELD_WORDS: Record<'needs' | 'supportTried' | 'whyPlanNeeded', string> = {
  needs: "your child's needs",
  supportTried: 'the support your child has had',
  whyPlanNeeded: 'why your child needs a plan',
};

function placeholder(text: string): Part {
  return { placeholder: `[${text}]` };
}

function renderPlain(blocks: Block[]): string {
  const lines = blocks.map((block) => {
    if (block.kind === 'gap') return '';
    const text = block.parts.map((part) => (typeof part === 'string' ? part : 'user' in part ? part.user : part.placeholder)).join('');
    return block.kind === 'bullet' ? `- ${text}` : text;
  });
  return lines.join('\n');
}

function renderMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'gap') {
      out.push('');
      continue;
    }
    const text = block.parts
      .map((part) => {
        if (typeof part === 'string') return part;
        if ('placeholder' in part) return `**${escapeMarkdown(part.placeholder)}**`;
        // A single newline inside typed text stays a line break: a backslash at line end is a hard break.
        return escapeMarkdown(part.user).split('\n').join('\\\n');
      })
      .join('');
    if (block.kind === 'heading') out.push(`**${text}**`);
    else if (block.kind === 'bullet') out.push(`- ${text}`);
    else out.push(text);
  }
  // In markdown, consecutive non-blank lines join into one paragraph; address lines need hard breaks.
  return out
    .map((line, index) => {
      const next = out[index + 1];
      const joinsNext = line !== '' && next !== undefined && next !== '' && !line.startsWith('- ') && !next.startsWith('- ');
      return joinsNext ? `${line}\\` : line;
    })
    .join('\n');
}

/** Turns typed paragraphs into separate blocks so blank lines stay paragraph breaks. */
function userParagraphs(text: string): Block[] {
  const blocks: Block[] = [];
  text.split(/\n\n+/).forEach((paragraph, index) => {
    if (index > 0) blocks.push({ kind: 'gap' });
    blocks.push({ kind: 'para', parts: [{ user: paragraph }] });
  });
  return blocks;
}

function slugForFile(text: string): string {
  return toGsm7(text)
    .text.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
}

/** Builds the letter. Skipped answers become clear placeholders in square brackets. */
export function buildRequestLetter(input: RequestLetterInput): RequestLetter {
  const today = input.today;
  parseIsoDate(today, 'buildRequestLetter() (today)');
  const notes: string[] = [];
  const placeholders: string[] = [];

  const shortenedNote = (what: string, limit: number) =>
    notes.push(`We shortened ${what} to ${limit.toLocaleString('en-GB')} characters. You can add more before you send the letter.`);

  const parent = cleanUserText(input.parentName, { maxLength: LETTER_LIMITS.name });
  const child = cleanUserText(input.childName, { maxLength: LETTER_LIMITS.name });
  const setting = cleanUserText(input.setting, { maxLength: LETTER_LIMITS.setting });
  const council = cleanUserText(input.councilName, { maxLength: LETTER_LIMITS.councilName });
  if (parent.shortened) shortenedNote('your name', LETTER_LIMITS.name);
  if (child.shortened) shortenedNote("your child's name", LETTER_LIMITS.name);
  if (setting.shortened) shortenedNote("the name of your child's school or college", LETTER_LIMITS.setting);
  if (council.shortened) shortenedNote("the council's name", LETTER_LIMITS.councilName);

  const long = (field: keyof typeof FIELD_WORDS, value: string) => {
    const cleaned = cleanUserText(value, { maxLength: LETTER_LIMITS.longAnswer, multiline: true });
    if (cleaned.shortened) shortenedNote(`what you wrote about ${FIELD_WORDS[field]}`, LETTER_LIMITS.longAnswer);
    return cleaned.text;
  };
  const needs = long('needs', input.needs);
  const supportTried = long('supportTried', input.supportTried);
  const whyPlanNeeded = long('whyPlanNeeded', input.whyPlanNeeded);

  const hole = (text: string): Part => {
    placeholders.push(`[${text}]`);
    return placeholder(text);
  };
  const userOr = (value: string, missing: string): Part => (value === '' ? hole(missing) : { user: value });

  // Date of birth: an ISO date is written out; a date after today is left for the parent to check.
  let dateOfBirth: Part;
  const dobRaw = input.childDateOfBirth?.trim() ?? '';
  if (dobRaw !== '' && isIsoDate(dobRaw) && dobRaw <= today) {
    dateOfBirth = formatUkDate(dobRaw, { weekday: false });
  } else if (dobRaw !== '' && isIsoDate(dobRaw)) {
    notes.push('The date of birth you gave is after today, so we left a space for it.');
    dateOfBirth = hole("add your child's date of birth");
  } else {
    dateOfBirth = userOr(cleanUserText(dobRaw, { maxLength: LETTER_LIMITS.dateOfBirth }).text, "add your child's date of birth");
  }

  const hasName = child.text !== '';
  const name: Part = hasName ? { user: child.text } : 'my child';
  const Name: Part = hasName ? { user: child.text } : 'My child';
  const names: Part = hasName ? { user: `${child.text}'s` } : "my child's";
  const Names: Part = hasName ? { user: `${child.text}'s` } : "My child's";
  const signature: Part = userOr(parent.text, 'Your name');

  const settingBlock: Part[] = input.outOfEducation
    ? [Name, ' is not in a school, nursery or college at the moment.',
        ...(setting.text !== '' ? [' ', Names, ' last school, nursery or college was ', { user: setting.text }, '.'] : [])]
    : [Name, ' goes to ', userOr(setting.text, "add the name of your child's school, nursery or college"), '.'];

  const para = (...parts: Part[]): Block => ({ kind: 'para', parts });
  const gap: Block = { kind: 'gap' };
  const blocks: Block[] = [
    para(signature),
    para(hole('Your address')),
    para(hole('Your phone number or email address')),
    gap,
    para(formatUkDate(today, { weekday: false })),
    gap,
    para('To: the special educational needs (SEN) team'),
    para(userOr(council.text, "add your council's name")),
    gap,
    { kind: 'heading', parts: ['Request for an education, health and care (EHC) needs assessment'] },
    para("Child's name: ", hasName ? { user: child.text } : hole("add your child's name")),
    para('Date of birth: ', dateOfBirth),
    gap,
    para('Dear SEN team,'),
    gap,
    para('I am ', names, ' parent. I am writing to ask you to carry out an EHC needs assessment for ', name, '. ',
      'I am making this request under section 36(1) of the Children and Families Act 2014.'),
    gap,
    para(...settingBlock),
    gap,
    para('Section 36(8) of the Act sets a two-part test. You must carry out an assessment if:'),
    { kind: 'bullet', parts: [name, ' has or may have special educational needs (SEN), and'] },
    { kind: 'bullet', parts: [name, ' may need special educational provision to be made through an EHC plan.'] },
    gap,
    para('I believe ', name, ' meets both parts of this test.'),
    gap,
    { kind: 'heading', parts: ['Part 1: ', Names, ' special educational needs'] },
    gap,
    ...(needs === '' ? [para(hole("describe your child's needs and what you have noticed"))] : userParagraphs(needs)),
    gap,
    para(hole('If you are sending any reports with this letter, list them here. If not, delete this line.')),
    gap,
    { kind: 'heading', parts: ['Part 2: Why ', name, ' may need an EHC plan'] },
    gap,
    para('The support ', name, ' has had so far:'),
    ...(supportTried === '' ? [para(hole('describe the help your child has had at school, nursery or college'))] : userParagraphs(supportTried)),
    gap,
    para('Why this support is not enough, and what may happen without an EHC plan:'),
    ...(whyPlanNeeded === '' ? [para(hole('explain why this help is not enough and what may happen without a plan'))] : userParagraphs(whyPlanNeeded)),
    gap,
    para('Section 36(8) is the only test the law allows. It does not need a diagnosis. ',
      'Asking for more than this test, such as a set amount of support first, would be unlawful.'),
    gap,
    para('Please tell me within 6 weeks of receiving this request whether you will carry out an assessment. ',
      'Regulation 5(1) of the Special Educational Needs and Disability Regulations 2014 requires this. ',
      'If you decide not to assess, I have the right to appeal to the First-tier Tribunal (Special Educational Needs and Disability).'),
    gap,
    para('Please confirm in writing the date you received this request.'),
    gap,
    para('Yours sincerely,'),
    gap,
    para(signature),
  ];

  const reminders = [
    'Fill in or delete anything in square brackets before you send the letter.',
    'Send it to the SEN team by email or by post. You do not have to use a council form.',
    'Keep a copy of the letter.',
    'Keep proof of the date the council received it, like an email reply or a recorded delivery receipt. The 6 weeks start from that date.',
    'Your local SENDIASS can help you with the letter, for free.',
  ];
  const allNotes = [...reminders, ...notes];
  const noteBlocks: Block[] = allNotes.map((note) => ({ kind: 'bullet', parts: [note] }));

  const plainText = `${renderPlain(blocks)}\n\n----------\nNotes for you (do not send this part)\n${renderPlain(noteBlocks)}\n`;
  const markdown = `${renderMarkdown(blocks)}\n\n---\n\n**Notes for you (do not send this part)**\n\n${renderMarkdown(noteBlocks)}\n`;

  const smsChild = gsmOrFallback(child.text, 'your child');
  const smsCouncil = gsmOrFallback(council.text, 'your council');
  const hint = toGsm7(cleanUserText(input.fullLetterHint ?? DEFAULT_FULL_LETTER_HINT, { maxLength: 200 }).text).text;
  const summary =
    `Your letter asking ${smsCouncil} for an EHC needs assessment for ${smsChild} is ready. ` +
    'It makes the request under section 36(1) of the Children and Families Act 2014. ' +
    'The council must tell you within 6 weeks of getting it whether it will assess. ' +
    'Fill in any gaps, send it in writing, and keep a copy and proof of the date it arrived.';
  const shortText = truncateForSms(`${summary} ${hint}`, SHORT_TEXT_MAX);

  const slug = slugForFile(child.text);
  return {
    title: 'Request for an EHC needs assessment',
    plainText,
    markdown,
    shortText,
    fileName: `ehc-needs-assessment-request${slug === '' ? '' : `-${slug}`}-${today}.txt`,
    mimeType: 'text/plain',
    notes: allNotes,
    placeholders,
  };
}

/** A name that survives GSM-7 unchanged enough to be recognisable, else a neutral phrase; at most 40 characters. */
function gsmOrFallback(text: string, fallback: string): string {
  if (text === '') return fallback;
  const converted = toGsm7(text);
  // Markup typed into a name (**, __, #, links) would reach the SMS as markdown the SMS rules forbid.
  if (converted.lossy || /[*_#`[\]<>]/.test(text)) return fallback;
  return truncateForSms(converted.text, 40);
}
