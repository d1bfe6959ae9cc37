// Small HTTP helpers for the hardening tests: raw requests (any body, headers, chunking) and activity posts.
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => unknown;
}

/** Sends exactly the bytes given; `chunked` streams them without a Content-Length, as a client that does not know the size. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (body && !options.chunked) headers['Content-Length'] = String(body.length);
    const req = http.request(url, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
      });
      res.on('error', reject);
    });
    // The server may answer and close before the whole body is sent (413); that is not a test failure.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (body && options.chunked) {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
    } else if (body) {
      req.write(body);
    }
    req.end();
  });
}

export interface ActivityJson {
  type: string;
  text?: string;
  textFormat?: string;
  channelData?: Record<string, unknown>;
  attachments?: Array<{ contentType: string; content?: unknown }>;
  suggestedActions?: { actions: Array<{ title?: string; value?: unknown }> };
  [field: string]: unknown;
}

/** A message as a test client would send it with replies in the response (DESIGN.md contract 3). */
export function message(text: string, conversation: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    channelId: 'webchat',
    deliveryMode: 'expectReplies',
    from: { id: `user-${conversation}` },
    recipient: { id: 'bot' },
    conversation: { id: conversation },
    text,
    ...extra,
  };
}

export async function postActivity(baseUrl: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; activities: ActivityJson[]; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (an empty 200 when no replies are expected).
  }
  const activities = (body as { activities?: ActivityJson[] } | undefined)?.activities ?? [];
  return { status: response.status, headers: response.headers, activities, body };
}

/** Everything a person would read in some replies, as one string. */
export function readable(activities: ActivityJson[]): string {
  return activities
    .flatMap((activity) => [activity.text ?? '', ...(activity.suggestedActions?.actions ?? []).map((action) => action.title ?? '')])
    .join('\n');
}
