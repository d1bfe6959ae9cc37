// Loads what the tool dialogs say (content/tools/<tool-id>.yaml) and the review question bank, checking every key.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recallOrParseYaml } from './recallOrParseYaml.js';
import { z } from 'zod';
import { parseReviewQuestionBank, type ReviewQuestionBank } from '../tools/reviewQuestionBank.js';
import { projectPath } from '../projectRoot.js';
import { Messages, type MessageChannel } from './messages.js';

const DEFAULT_CONTENT_DIR = projectPath('content');

/**
 * Every line each tool needs, by key. The dialogs ask for these keys by name (the compiler checks the names), and
 * the loader refuses a file with a key missing or one nobody uses, so a typo in content shows at start-up.
 */
export const TOOL_TEXT_KEYS = {
  'request-letter': [
    'title', 'intro', 'privacy', 'ask-child-name', 'ask-date-of-birth', 'ask-setting', 'ask-needs', 'ask-support-tried',
    'ask-why-plan', 'ask-parent-name', 'choice-skip', 'choice-back', 'choice-not-in-school', 'hint-sms',
    'hint-setting-sms', 'dob-invalid', 'dob-no-year', 'dob-future', 'dob-too-old', 'empty-answer', 'council-known',
    'letter-ready', 'full-letter-hint-sms', 'what-next', 'choice-dates', 'choice-talk', 'choice-menu',
  ],
  deadlines: [
    'title', 'ask-received', 'choice-refused', 'hint-received-sms', 'ask-decision-date', 'ask-certificate',
    'choice-no-certificate', 'hint-certificate-sms', 'not-a-date', 'received-not-sent', 'intro-request',
    'intro-refusal', 'certificate-later', 'row-start-request', 'row-start-refusal', 'row-decision-to-assess', 'row-no-plan-decision',
    'row-final-plan', 'row-mediation-adviser', 'row-appeal', 'long-ago', 'calendar-title', 'what-next',
    'choice-letter', 'choice-talk', 'choice-menu',
  ],
  'review-kit': [
    'title', 'intro', 'ask-first-review', 'choice-first-yes', 'choice-first-no', 'ask-worries', 'ask-more-worries',
    'choice-done', 'ask-targets-first', 'ask-targets-later', 'choice-skip', 'hint-skip-sms', 'kit-ready',
    'kit-ready-sms', 'record-ready', 'questions-file-title', 'record-file-title', 'what-next', 'choice-prepare', 'choice-talk', 'choice-menu',
  ],
  sendiass: [
    'title', 'intro', 'ask-council', 'choice-dont-know', 'hint-council-sms', 'ask-which', 'choice-none-of-these',
    'not-found', 'not-found-again', 'details-intro', 'row-service', 'row-phone', 'row-email', 'row-website',
    'row-hours', 'row-now', 'source-label', 'unverified', 'unknown', 'not-sure', 'national-intro', 'national-line',
    'staff-referral', 'what-next', 'choice-another-area', 'choice-menu',
  ],
} as const;

export type ToolId = keyof typeof TOOL_TEXT_KEYS;
export type ToolLineKey<T extends ToolId> = (typeof TOOL_TEXT_KEYS)[T][number];

/** One tool's lines, asked for by key; a line may have channel variants and {placeholders}. */
export class ToolLines<K extends string> {
  constructor(private readonly messages: Messages) {}

  get(key: K, channel?: MessageChannel, vars: Record<string, string> = {}): string {
    return this.messages.get(key, channel, vars);
  }
}

export type ToolTexts = { [T in ToolId]: ToolLines<ToolLineKey<T>> };

export interface ToolContent {
  texts: ToolTexts;
  reviewQuestions: ReviewQuestionBank;
}

const line = z.union([
  z.string().trim().min(1),
  z.object({ default: z.string().trim().min(1), webchat: z.string().min(1).optional(), msteams: z.string().min(1).optional(), sms: z.string().min(1).optional() }).strict(),
]);

function schemaFor(keys: readonly string[]) {
  return z.object(Object.fromEntries(keys.map((key) => [key, line]))).strict();
}

/** Validates one tool file's parsed YAML; `file` names it in the error. */
export function parseToolLines<T extends ToolId>(toolId: T, yamlText: string, file: string): ToolLines<ToolLineKey<T>> {
  let data: unknown;
  try {
    data = recallOrParseYaml(yamlText);
  } catch (error) {
    throw new Error(`loadToolContent(): ${file} is not valid YAML because ${(error as Error).message.split('\n')[0]}. Fix the file's indentation or quoting.`);
  }
  const result = schemaFor(TOOL_TEXT_KEYS[toolId]).safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown key(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
      return `${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`;
    });
    throw new Error(
      `loadToolContent(): ${file} is not a valid "${toolId}" file because ${problems.join('; ')}. ` +
        `Every key listed for "${toolId}" in src/knowledge/toolTexts.ts (TOOL_TEXT_KEYS) must be there once, and no others.`,
    );
  }
  return new ToolLines(new Messages(result.data as Record<string, z.output<typeof line>>));
}

/** Reads and checks content/tools/*.yaml for every tool, and the review question bank. Throws on the first bad file. */
export function loadToolContent(contentDir: string = DEFAULT_CONTENT_DIR): ToolContent {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`loadToolContent(): cannot read ${file} because ${(error as Error).message}. Check CONTENT_DIR points at the content folder.`);
    }
  };
  const linesOf = <T extends ToolId>(toolId: T) => {
    const file = path.join(contentDir, 'tools', `${toolId}.yaml`);
    return parseToolLines(toolId, read(file), file);
  };
  const bankFile = path.join(contentDir, 'tools', 'review-questions.yaml');
  return {
    texts: {
      'request-letter': linesOf('request-letter'),
      deadlines: linesOf('deadlines'),
      'review-kit': linesOf('review-kit'),
      sendiass: linesOf('sendiass'),
    },
    reviewQuestions: parseReviewQuestionBank(read(bankFile), bankFile),
  };
}
