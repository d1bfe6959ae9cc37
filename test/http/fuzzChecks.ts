// What every fuzzed response must satisfy: no 5xx, no failed turn, no markup that a chat client would render as HTML.

export interface SentBody {
  kind: 'valid' | 'broken' | 'junk';
  body: string;
  activity?: Record<string, unknown>;
}

export function megabytes(bytes: number): number {
  return bytes / 1024 / 1024;
}

/** "108.6 -> 112.0 -> 112.3 MB (rss 284.8 -> 300.1 -> 301.0 MB)" for the log line of a fuzz run. */
export function describeMemory(points: Array<{ heapUsed: number; rss: number }>): string {
  const list = (values: number[]) => values.map((value) => megabytes(value).toFixed(1)).join(' -> ');
  return `${list(points.map((p) => p.heapUsed))} MB (rss ${list(points.map((p) => p.rss))} MB)`;
}

/** Runs needed for `total` requests sent `batch` at a time. */
export function fuzzRuns(total: number, batch: number): number {
  return Math.ceil(total / batch);
}

interface ReplyJson {
  type?: string;
  text?: string;
  textFormat?: string;
  channelData?: { correlationId?: string };
}

/** The problems with one response, each naming the input so a failure can be reproduced by hand. */
export function replyProblems(item: SentBody, status: number, text: string): string[] {
  const problems: string[] = [];
  const describe = () => `${item.kind} body ${item.body.slice(0, 400)}`;
  const type = item.activity?.type;
  // The Bot Framework answers an invoke the bot does not implement with 501 Not Implemented: the protocol, not a crash.
  const invokeNotImplemented = type === 'invoke' && status === 501;
  if (status >= 500 && !invokeNotImplemented) problems.push(`status ${status} for ${describe()}`);
  if (item.kind === 'valid' && status !== 200 && !invokeNotImplemented) problems.push(`a valid activity got ${status} (${text.slice(0, 200)}) for ${describe()}`);
  if (item.kind === 'junk' && status < 400) problems.push(`junk got ${status} for ${describe()}`);
  if (status !== 200 || text.length === 0) return problems;
  let replies: ReplyJson[] = [];
  try {
    replies = ((JSON.parse(text) as { activities?: ReplyJson[] }).activities ?? []) as ReplyJson[];
  } catch {
    problems.push(`a 200 with a body that is not JSON for ${describe()}`);
    return problems;
  }
  const channel = item.activity?.channelId;
  for (const reply of replies) {
    // The turn error handler's apology carries a correlation id: its presence means a turn failed.
    if (reply.channelData?.correlationId) problems.push(`a failed turn (apology ${reply.channelData.correlationId}) for ${describe()}`);
    // SMS is plain text; everywhere else markdown may carry HTML, so "<" must arrive escaped.
    if (channel !== 'sms' && reply.textFormat !== 'plain' && /<[a-z!/?]/i.test(reply.text ?? '')) {
      problems.push(`unescaped markup in a reply (${JSON.stringify(reply.text?.slice(0, 200))}) for ${describe()}`);
    }
  }
  return problems;
}
