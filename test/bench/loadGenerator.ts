// Drives conversations over HTTP (deliveryMode expectReplies) at a fixed concurrency and records each turn's latency.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReplyJson {
  type?: string;
  text?: string;
  channelData?: { correlationId?: string };
  suggestedActions?: { actions?: Array<{ value?: unknown; title?: string }> };
}

/** One step of a journey: what to say, given the bot's replies to the previous step. */
export type JourneyStep = (previous: ReplyJson[]) => string;

/**
 * A parent's visit in six turns: a question in their own words, a guided flow, a choice from its buttons, a date
 * the bot has to read, the menu, and thanks.
 */
export const PARENT_JOURNEY: JourneyStep[] = [
  () => 'what does a SENCO do?',
  () => 'The four stages',
  (previous) => firstSuggestedAction(previous) ?? 'Plan',
  () => 'the council got my request on 3 March 2026',
  () => 'menu',
  () => 'thanks',
];

function firstSuggestedAction(replies: ReplyJson[]): string | undefined {
  for (const reply of [...replies].reverse()) {
    const value = reply.suggestedActions?.actions?.[0]?.value;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export interface LoadResult {
  concurrency: number;
  turns: number;
  errors: number;
  seconds: number;
  turnsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** The first few errors, for the report. */
  errorSamples: string[];
}

export interface LoadOptions {
  concurrency: number;
  /** Stop starting journeys after this long. */
  durationMs?: number;
  /** Or stop after this many journeys in all. */
  journeys?: number;
  journey?: JourneyStep[];
  /** Whether a turn with no reply counts as an error (true for our bot: it always answers). */
  expectReply?: boolean;
  /**
   * A pause before each turn after the first, chosen evenly between min and max ms, as a person reads a reply
   * before writing back. Without it each conversation sends its next turn the moment the last is answered, which
   * measures the server's ceiling, where latency is mostly time spent queueing.
   */
  pauseMs?: { min: number; max: number };
}

export async function runLoad(baseUrl: string, options: LoadOptions): Promise<LoadResult> {
  const journey = options.journey ?? PARENT_JOURNEY;
  const pause = options.pauseMs;
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let journeysStarted = 0;
  const budget = options.journeys ?? Number.POSITIVE_INFINITY;
  const runId = randomBytes(4).toString('hex');
  // node:http with kept-alive sockets: undici's fetch costs the load generator several times more CPU per request,
  // which on two cores would cap the echo bot's figure at what the generator can send.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const url = new URL(`${baseUrl}/api/messages`);

  const fail = (why: string): void => {
    errors += 1;
    if (errorSamples.length < 5) errorSamples.push(why);
  };

  const turn = async (conversation: string, text: string): Promise<ReplyJson[]> => {
    const body = JSON.stringify({
      type: 'message',
      channelId: 'webchat',
      deliveryMode: 'expectReplies',
      id: randomBytes(6).toString('hex'),
      from: { id: `user-${conversation}`, role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      conversation: { id: conversation },
      locale: 'en-GB',
      text,
    });
    const t0 = performance.now();
    try {
      const response = await post(agent, url, body);
      const payload = response.body;
      latencies.push(performance.now() - t0);
      if (response.status !== 200) {
        fail(`HTTP ${response.status}: ${payload.slice(0, 120)}`);
        return [];
      }
      const replies = (JSON.parse(payload) as { activities?: ReplyJson[] }).activities ?? [];
      if (replies.some((reply) => reply.channelData?.correlationId)) fail(`a failed turn for "${text}"`);
      else if (options.expectReply !== false && replies.length === 0) fail(`no reply to "${text}"`);
      return replies;
    } catch (error) {
      latencies.push(performance.now() - t0);
      fail(error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
      return [];
    }
  };

  // Open every user's connection first (a GET /healthz each), as a channel's kept-alive pool would be. A saturated
  // server accepts new connections slowly, so without this the first turn on the last-accepted sockets waits
  // seconds, which measures the start of the test, not the bot.
  await Promise.all(Array.from({ length: options.concurrency }, () => get(agent, new URL(`${baseUrl}/healthz`))));
  const started = performance.now();
  const deadline = options.durationMs === undefined ? Number.POSITIVE_INFINITY : started + options.durationMs;

  const user = async (index: number): Promise<void> => {
    let turnsSent = 0;
    while (performance.now() < deadline && journeysStarted < budget) {
      journeysStarted += 1;
      const conversation = `bench-${runId}-${index}-${journeysStarted}`;
      let previous: ReplyJson[] = [];
      for (const step of journey) {
        // Users start at random moments within the first pause and pause before a next conversation too, so they
        // do not fall into step.
        if (pause) await sleep(turnsSent === 0 ? Math.random() * pause.max : pause.min + Math.random() * (pause.max - pause.min));
        previous = await turn(conversation, step(previous));
        turnsSent += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => user(i)));
  agent.destroy();

  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    concurrency: options.concurrency,
    turns: sorted.length,
    errors,
    seconds,
    turnsPerSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    errorSamples,
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

function post(agent: http.Agent, url: URL, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function get(agent: http.Agent, url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'GET', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve());
    });
    request.on('error', reject);
    request.end();
  });
}
