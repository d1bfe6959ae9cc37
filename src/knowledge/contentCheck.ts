// CLI: `npx tsx src/knowledge/contentCheck.ts [contentDir]` prints the per-topic report and every problem; exits 1 on any.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, type CheckOptions, type CheckResult, type TopicReport } from './checkContent.js';
import { readContentFiles } from './contentFiles.js';
import { formatProblem } from './contentProblem.js';
import { READABILITY_LIMITS } from './readabilityLimits.js';

const COLUMNS: Array<{ title: string; value: (r: TopicReport) => string; right?: boolean }> = [
  { title: 'topic', value: (r) => (r.audience === 'staff' ? `  ${r.id} (staff)` : r.id) },
  { title: 'words', value: (r) => String(r.words), right: true },
  { title: 'sentences', value: (r) => String(r.sentences), right: true },
  { title: 'avg', value: (r) => r.averageSentenceLength.toFixed(1), right: true },
  { title: 'longest', value: (r) => String(r.longestSentence), right: true },
  { title: 'ease', value: (r) => r.readingEase.toFixed(1), right: true },
  { title: 'grade', value: (r) => r.grade.toFixed(1), right: true },
  { title: 'examples', value: (r) => (r.audience === 'staff' ? '' : String(r.examples)), right: true },
];

export function formatReportTable(reports: TopicReport[]): string {
  const rows = reports.map((r) => COLUMNS.map((c) => c.value(r)));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (COLUMNS[i]!.right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(COLUMNS.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatCheckResult(result: CheckResult): string {
  const { counts, problems } = result;
  const limits = READABILITY_LIMITS;
  const out = [
    formatReportTable(result.reports),
    '',
    `Limits: longest sentence ≤ ${limits.maxSentenceWords} words, average ≤ ${limits.maxAverageSentenceWords}, reading ease ≥ ${limits.minReadingEase}, grade ≤ ${limits.maxGrade}.`,
    `Topics ${counts.topics}, glossary terms ${counts.glossary}, councils ${counts.councils}, national services ${counts.nationalServices}, intents ${counts.intents}, flows ${counts.flows}.`,
    '',
  ];
  if (problems.length === 0) {
    out.push('Content check passed: no problems.');
  } else {
    const byRule = new Map<string, number>();
    for (const p of problems) byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
    out.push(`Content check FAILED: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}).`);
    for (const problem of problems) out.push(`  - ${formatProblem(problem)}`);
  }
  return out.join('\n');
}

/** Prints the report for a content folder and returns the exit code: 0 when there are no problems, 1 otherwise. */
export async function runContentCheck(contentDir: string, options: CheckOptions = {}): Promise<number> {
  const files = await readContentFiles(contentDir);
  const result = checkContent(files, { contentLabel: path.relative(process.cwd(), contentDir) || '.', ...options });
  process.stdout.write(`${formatCheckResult(result)}\n`);
  return result.problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const contentDir = path.resolve(process.argv[2] ?? path.join(here, '../../content'));
  runContentCheck(contentDir).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`contentCheck: could not check ${contentDir} because ${error instanceof Error ? error.message : String(error)}. Check the path and file permissions.\n`);
      process.exit(2);
    },
  );
}
