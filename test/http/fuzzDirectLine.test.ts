// Property-based fuzzing of the local Direct Line: generated activities posted as a client would, replies read back.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directLineBody } from './fuzzArbitraries.js';
import { startChildApp, type ChildApp } from './fuzzChild.js';
import { describeMemory, fuzzRuns, megabytes } from './fuzzChecks.js';

const TOTAL = Number(process.env.FUZZ_DIRECTLINE_TOTAL ?? 10_000);
const BATCH = 10;
/** Few conversations, so each fills to the store's cap (500 activities) during warm-up and memory can be compared fairly. */
const CONVERSATIONS = 10;

interface Client {
  id: string;
  token: string;
  watermark: string;
}

interface DirectLineActivity {
  type?: string;
  text?: string;
  textFormat?: string;
  from?: { role?: string };
  channelData?: { correlationId?: string };
}

describe('fuzzing the local Direct Line', () => {
  let app: ChildApp;
  const clients: Client[] = [];
  beforeAll(async () => {
    app = await startChildApp({});
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      const response = await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST' });
      const { conversationId, token } = (await response.json()) as { conversationId: string; token: string };
      clients.push({ id: conversationId, token, watermark: '' });
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** Posts one body; returns the problems with the answer (a 5xx, or a refusal that is not a short JSON reason). */
  const statuses = new Map<number, number>();
  const post = async (client: Client, body: unknown): Promise<string[]> => {
    const response = await fetch(`${app.url}/v3/directline/conversations/${client.id}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${client.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body) ?? 'null',
    });
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const text = await response.text();
    const describe = () => `body ${(JSON.stringify(body) ?? 'undefined').slice(0, 400)}`;
    if (response.status >= 500) return [`status ${response.status} (${text.slice(0, 200)}) for ${describe()}`];
    if (response.status !== 200 && !/^\{"error":\{"code":"\w+","message":"[^"]*"\}\}$/.test(text)) return [`status ${response.status} without a short JSON reason for ${describe()}`];
    return [];
  };

  /** Reads what the client would see since its last poll; bot replies must never be a failed turn or raw markup. */
  const poll = async (client: Client): Promise<string[]> => {
    const response = await fetch(`${app.url}/v3/directline/conversations/${client.id}/activities?watermark=${client.watermark}`, { headers: { Authorization: `Bearer ${client.token}` } });
    if (response.status !== 200) return [`polling answered ${response.status}`];
    const { activities, watermark } = (await response.json()) as { activities: DirectLineActivity[]; watermark: string };
    client.watermark = watermark;
    const problems: string[] = [];
    for (const activity of activities) {
      if (activity.from?.role !== 'bot') continue;
      if (activity.channelData?.correlationId) problems.push(`a failed turn (apology ${activity.channelData.correlationId})`);
      if (activity.textFormat !== 'plain' && /<[a-z!/?]/i.test(activity.text ?? '')) problems.push(`unescaped markup in a reply: ${JSON.stringify(activity.text?.slice(0, 200))}`);
    }
    return problems;
  };

  it(`takes ${TOTAL.toLocaleString('en-GB')} generated client activities with no 5xx and no failed turn, and its memory stays bounded`, async () => {
    const item = fc.tuple(fc.nat({ max: CONVERSATIONS - 1 }), directLineBody);
    let sent = 0;
    const runBatch = async (batch: Array<[number, unknown]>): Promise<string[]> => {
      sent += batch.length;
      const problems = (await Promise.all(batch.map(([index, body]) => post(clients[index] as Client, body)))).flat();
      const touched = [...new Set(batch.map(([index]) => index))];
      problems.push(...(await Promise.all(touched.map((index) => poll(clients[index] as Client)))).flat());
      return problems;
    };

    // Warm up until every conversation is at the store's cap, so what is measured after is growth, not filling.
    const warmUp = fc.sample(item, { numRuns: 1200, seed: 7 });
    for (let i = 0; i < warmUp.length; i += BATCH) expect(await runBatch(warmUp.slice(i, i + BATCH))).toEqual([]);
    const baseline = await app.measure();
    sent = 0;
    statuses.clear();

    const property = fc.asyncProperty(fc.array(item, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      const problems = await runBatch(batch);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    await fc.assert(property, { numRuns: fuzzRuns(TOTAL / 2, BATCH), seed: 20261123, endOnFailure: true });
    const half = await app.measure();
    await fc.assert(property, { numRuns: fuzzRuns(TOTAL / 2, BATCH), seed: 20261124, endOnFailure: true });
    const after = await app.measure();

    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    expect(app.alive()).toBe(true);
    console.log(`fuzz Direct Line: ${sent} posts, statuses ${JSON.stringify(Object.fromEntries(statuses))}; heap after GC ${describeMemory([baseline, half, after])}`);
    // Most generated activities must reach the bot, or the fuzz would only be testing the service's checks.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(sent / 2);
    // The conversations were already at the store's cap, so the second half may not add more than a few MB.
    expect(megabytes(after.heapUsed - half.heapUsed)).toBeLessThan(4);
    expect(megabytes(after.heapUsed - baseline.heapUsed)).toBeLessThan(16);
    expect(megabytes(after.rss - baseline.rss)).toBeLessThan(64);
  }, 170_000);
});
