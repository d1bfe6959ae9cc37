// Lists held-out test messages that are near copies of training examples (topic examples and content/intents).
// Usage: npx tsx src/language/cli/checkTestSetOverlap.ts [test.jsonl] [--top N]. Exits 1 if any near copy is found.
import { findOverlaps, NEAR_COPY_THRESHOLD } from '../evaluation/testSetOverlap.js';
import { readLabelledFile } from '../evaluation/readLabelledFile.js';
import { tokeniseRaw } from '../normaliseText.js';
import { readTrainingExamples } from '../readTrainingExamples.js';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
const file = args.find((a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1)) ?? 'test/eval/nlu-test.jsonl';
// Plain lower-case words: the check is about wording, so synonyms are not merged here.
const plain = (text: string) => tokeniseRaw(text).map((t) => t.toLowerCase()).join(' ');
const findings = findOverlaps(readLabelledFile(file).map((m) => m.text), readTrainingExamples(), plain);
const nearCopies = findings.filter((f) => f.similarity >= NEAR_COPY_THRESHOLD);
for (const f of findings.slice(0, Math.max(top, nearCopies.length))) {
  process.stdout.write(`${f.similarity.toFixed(2)}  ${f.similarity >= NEAR_COPY_THRESHOLD ? 'NEAR COPY' : '         '}  test: ${f.test}\n                   train (${f.intent}): ${f.training}\n`);
}
process.stdout.write(`${nearCopies.length} near copies (similarity >= ${NEAR_COPY_THRESHOLD}) among ${findings.length} test messages.\n`);
process.exitCode = nearCopies.length > 0 ? 1 : 0;
