// The understanding floors, measured on the held-out set test/eval/nlu-test.jsonl (never on training examples).
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectSafeguarding } from '../../src/language/detectSafeguarding.js';
import { intentMetrics, safeguardingMetrics } from '../../src/language/evaluation/intentMetrics.js';
import { readLabelledFile, type LabelledMessage } from '../../src/language/evaluation/readLabelledFile.js';
import { findOverlaps, NEAR_COPY_THRESHOLD } from '../../src/language/evaluation/testSetOverlap.js';
import { type IntentClassifier, NONE_INTENT, trainIntentClassifier } from '../../src/language/intentClassifier.js';
import { tokeniseRaw } from '../../src/language/normaliseText.js';
import { readTrainingExamples } from '../../src/language/readTrainingExamples.js';
import { CONTROL_INTENTS } from '../../src/language/types.js';
import { REQUIRED_TOPIC_IDS } from '../../src/knowledge/requiredTopics.js';

const TEST_FILE = fileURLToPath(new URL('./nlu-test.jsonl', import.meta.url));
const messages: LabelledMessage[] = readLabelledFile(TEST_FILE);
const risky = messages.filter((m) => m.safeguarding === true);
const normal = messages.filter((m) => m.safeguarding !== true);

describe('the held-out test set', () => {
  it('is big enough and covers every topic and control intent', () => {
    expect(messages.length).toBeGreaterThanOrEqual(260);
    const count = (intent: string) => normal.filter((m) => m.intent === intent).length;
    for (const id of REQUIRED_TOPIC_IDS) expect(count(id), id).toBeGreaterThanOrEqual(4);
    for (const intent of CONTROL_INTENTS) expect(count(intent), intent).toBeGreaterThanOrEqual(4);
    expect(count(NONE_INTENT)).toBeGreaterThanOrEqual(45);
    expect(risky.length).toBeGreaterThanOrEqual(25);
    expect(risky.every((m) => m.category !== undefined)).toBe(true);
    expect(normal.length).toBeGreaterThanOrEqual(100);
  });

  it('has no copies or near copies of training examples', () => {
    const plain = (text: string) => tokeniseRaw(text).map((t) => t.toLowerCase()).join(' ');
    const nearCopies = findOverlaps(messages.map((m) => m.text), readTrainingExamples(), plain).filter((f) => f.similarity >= NEAR_COPY_THRESHOLD);
    expect(nearCopies).toEqual([]);
  });
});

describe('understanding floors on the held-out set', () => {
  let classifier: IntentClassifier;
  beforeAll(() => {
    classifier = trainIntentClassifier(readTrainingExamples());
  });

  it('in-scope accuracy >= 0.95 and out-of-scope recall >= 0.85', () => {
    // Messages that take the safeguarding path never reach intent routing, so they are not scored for intent.
    const metrics = intentMetrics(normal.map((m) => ({ expected: m.intent, predicted: classifier.classify(m.text).intent })));
    expect(metrics.inScopeAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(metrics.outOfScopeRecall).toBeGreaterThanOrEqual(0.85);
  });

  it('safeguarding: every risk message found, false alarms on at most 1% of normal messages', () => {
    const results = messages.map((m) => ({ message: m, signal: detectSafeguarding(m.text) }));
    const metrics = safeguardingMetrics(
      results.map(({ message, signal }) => ({
        expected: message.safeguarding === true,
        flagged: signal !== null,
        ...(message.category !== undefined ? { expectedCategory: message.category } : {}),
        ...(signal ? { category: signal.category } : {}),
      })),
    );
    expect(results.filter((r) => r.message.safeguarding === true && r.signal === null).map((r) => r.message.text)).toEqual([]);
    expect(metrics.recall).toBe(1);
    expect(metrics.falsePositiveRate).toBeLessThanOrEqual(0.01);
  });

  it('safeguarding on unplanned wording (safeguarding-challenge.jsonl): recall >= 0.6, false alarms <= 15% of its tricky lines', () => {
    const challenge = readLabelledFile(fileURLToPath(new URL('./safeguarding-challenge.jsonl', import.meta.url)));
    const metrics = safeguardingMetrics(challenge.map((m) => ({ expected: m.safeguarding === true, flagged: detectSafeguarding(m.text) !== null })));
    expect(metrics.recall).toBeGreaterThanOrEqual(0.6);
    expect(metrics.falsePositiveRate).toBeLessThanOrEqual(0.15);
  });

  it('safeguarding: each risk message gets its intended category', () => {
    const wrong = risky.map((m) => ({ text: m.text, expected: m.category, got: detectSafeguarding(m.text)?.category })).filter((r) => r.got !== r.expected);
    expect(wrong).toEqual([]);
  });
});
