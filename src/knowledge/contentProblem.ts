// One problem found in content, in the operator voice `file: field: what is wrong. How to fix`, and the error that lists them all.

export interface ContentProblem {
  /** Path of the file, relative to the working directory where possible, e.g. "content/topics/senco.md". */
  file: string;
  /** The field, dotted, e.g. "examples.3" or "staff.body"; "(file)" when the whole file is at fault. */
  field: string;
  /** What is wrong, without a trailing full stop. */
  message: string;
  /** How to fix it, as one or two sentences. */
  fix: string;
  /** The rule that found it, so tests and reports can group problems. */
  rule: string;
}

export function formatProblem(problem: ContentProblem): string {
  const message = problem.message.replace(/[.\s]+$/, '');
  return `${problem.file}: ${problem.field}: ${message}. ${problem.fix}`;
}

/** Thrown by loadKnowledge when content cannot be used; `problems` holds every problem, not only the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[], where = 'loadKnowledge()') {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${where}: content has ${count}. Fix each one, then run npm run content:check:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
