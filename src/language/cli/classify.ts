// Contract 6: reads one message per line on stdin, writes one JSON object per line on stdout:
// {"text", "intent", "score", "safeguarding"}; with --entities also "entities"; with --details also
// "safeguardingCategory" and "ranked". Nothing else goes to stdout.
// Usage: npm run --silent nlu:classify  (or: npx tsx src/language/cli/classify.ts [--entities] [--details]
//        [--reference-date yyyy-mm-dd])
import { createInterface } from 'node:readline';
import { loadSafeguardingDetector } from '../detectSafeguarding.js';
import { trainIntentClassifier } from '../intentClassifier.js';
import { readTrainingExamples } from '../readTrainingExamples.js';
import { recogniseEntities } from '../recogniseEntities.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const withEntities = args.includes('--entities');
  const withDetails = args.includes('--details');
  const dateAt = args.indexOf('--reference-date');
  const referenceDate = dateAt >= 0 ? new Date(`${args[dateAt + 1] ?? ''}T12:00:00Z`) : undefined;
  if (referenceDate && Number.isNaN(referenceDate.getTime())) {
    throw new Error('classify(): --reference-date is not a date because it is not in yyyy-mm-dd form. Pass e.g. --reference-date 2026-11-23.');
  }
  const classifier = trainIntentClassifier(readTrainingExamples());
  const detect = loadSafeguardingDetector();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const text = line.replace(/\r$/, '');
    const safeguarding = detect(text);
    const { intent, score, ranked } = classifier.classify(text);
    const record: Record<string, unknown> = { text, intent, score, safeguarding: safeguarding !== null };
    if (withDetails) {
      record.safeguardingCategory = safeguarding?.category ?? null;
      record.ranked = ranked;
    }
    if (withEntities) record.entities = recogniseEntities(text, referenceDate ? { referenceDate } : {});
    process.stdout.write(`${JSON.stringify(record)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
