// Property-based fuzzing of POST /api/messages: 10,000 generated activities and bodies, no crash, no 5xx, memory bounded.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenActivity, junkBody, validActivity } from './fuzzArbitraries.js';
import { startChildApp, type ChildApp } from './fuzzChild.js';
import { describeMemory, fuzzRuns, megabytes, replyProblems, type SentBody } from './fuzzChecks.js';

const TOTAL = Number(process.env.FUZZ_TOTAL ?? 10_000);
const BATCH = 8;
const POOL = Array.from({ length: 60 }, (_, i) => `fuzz-conversation-${i}`);

const request: fc.Arbitrary<SentBody> = fc.oneof(
  { weight: 7, arbitrary: validActivity(POOL).map((activity): SentBody => ({ kind: 'valid', body: JSON.stringify(activity), activity })) },
  { weight: 2, arbitrary: brokenActivity(POOL).map((activity): SentBody => ({ kind: 'broken', body: JSON.stringify(activity), activity })) },
  { weight: 1, arbitrary: junkBody.map((body): SentBody => ({ kind: 'junk', body })) },
);

describe('fuzzing /api/messages', () => {
  let app: ChildApp;
  beforeAll(async () => {
    app = await startChildApp({});
  });
  afterAll(async () => {
    await app?.stop();
  });

  it(`answers ${TOTAL.toLocaleString('en-GB')} generated activities with no 5xx and no failed turn, and gives its memory back`, async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    const send = async (item: SentBody): Promise<string[]> => {
      sent += 1;
      const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: item.body });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      return replyProblems(item, response.status, await response.text());
    };

    // Warm up (JIT, lazy recognisers, sqlite cache) before taking the baseline, so the comparison is like for like.
    const warmUp = fc.sample(request, { numRuns: 400, seed: 1 });
    for (let i = 0; i < warmUp.length; i += BATCH) await Promise.all(warmUp.slice(i, i + BATCH).map(send));
    const baseline = await app.measure();
    sent = 0;
    statuses.clear();

    // Two halves with a measurement between: a leak grows with every request, warm-up and caches level off.
    const property = fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      const problems = (await Promise.all(batch.map(send))).flat();
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    await fc.assert(property, { numRuns: fuzzRuns(TOTAL / 2, BATCH), seed: 20261123, endOnFailure: true });
    const half = await app.measure();
    await fc.assert(property, { numRuns: fuzzRuns(TOTAL / 2, BATCH), seed: 20261124, endOnFailure: true });
    const after = await app.measure();

    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    expect(app.alive()).toBe(true);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    console.log(`fuzz /api/messages: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}; heap after GC ${describeMemory([baseline, half, after])}`);
    // Most generated activities must reach the bot, or the fuzz would only be testing the validator.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(sent / 2);
    // State lives in sqlite, so nothing should accumulate: the second half may not add more than a few MB.
    expect(megabytes(after.heapUsed - half.heapUsed)).toBeLessThan(4);
    expect(megabytes(after.heapUsed - baseline.heapUsed)).toBeLessThan(16);
    expect(megabytes(after.rss - baseline.rss)).toBeLessThan(64);
  }, 170_000);
});
