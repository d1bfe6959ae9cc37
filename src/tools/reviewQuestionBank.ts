// The review meeting question bank: its shape, its validation, and reading it from content/tools/review-questions.yaml.
import { readFile } from 'node:fs/promises';
import { projectPath } from '../projectRoot.js';
import { parse } from 'yaml';
import { z } from 'zod';

/** The worries a parent can choose from, in the order the dialog offers them. */
export const REVIEW_WORRIES = [
  'progress', 'targets', 'friendships', 'behaviour', 'communication', 'support-in-class', 'moving-school',
] as const;

export type ReviewWorry = (typeof REVIEW_WORRIES)[number];

export const REVIEW_QUESTIONS_FILE = projectPath('content', 'tools', 'review-questions.yaml');

// Each question must fit one text message on its own, with room for its number.
const question = z.string().trim().min(10).max(300).refine((text) => /\?$/.test(text), 'must end with a question mark');
const section = z.object({ heading: z.string().min(1).max(60), questions: z.array(question).min(1) }).strict();

const bankSchema = z
  .object({
    title: z.string().min(1),
    intro: z.string().min(1),
    sources: z.array(z.object({ label: z.string().min(1), url: z.url() }).strict()).min(1),
    firstReview: section,
    laterReview: section,
    worries: z.array(section.extend({ id: z.enum(REVIEW_WORRIES), label: z.string().min(1).max(40) }).strict()),
    targets: section,
    childViews: section,
    closing: section,
    record: z.object({ title: z.string().min(1), intro: z.string().min(1), fields: z.array(z.string().min(1)).min(1) }).strict(),
  })
  .strict()
  .superRefine((bank, context) => {
    const ids = bank.worries.map((worry) => worry.id);
    for (const id of REVIEW_WORRIES) {
      if (ids.filter((other) => other === id).length !== 1) {
        context.addIssue({ code: 'custom', path: ['worries'], message: `needs exactly one entry for worry "${id}"` });
      }
    }
  });

export type ReviewQuestionBank = z.output<typeof bankSchema>;

/** Validates parsed YAML; `file` names the source in the error. */
export function parseReviewQuestionBank(yamlText: string, file: string): ReviewQuestionBank {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (error) {
    throw new Error(`parseReviewQuestionBank(): ${file} is not valid YAML because ${(error as Error).message.split('\n')[0]}. Fix the file's indentation or quoting.`);
  }
  const result = bankSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(file)'} ${issue.message}`).join('; ');
    throw new Error(`parseReviewQuestionBank(): ${file} is not a valid question bank because ${problems}. Fix those fields; the file's header comment lists the worry ids.`);
  }
  return result.data;
}

/** Reads and validates the question bank (the only file I/O among the tools). */
export async function loadReviewQuestionBank(file = REVIEW_QUESTIONS_FILE): Promise<ReviewQuestionBank> {
  return parseReviewQuestionBank(await readFile(file, 'utf8'), file);
}
