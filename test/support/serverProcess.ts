// Starts the real bot as a child process (as `npm start` does) and talks to it over HTTP, for restart and scale tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { npmStartCommand } from './startCommand.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  port: number;
  url: string;
  /** The operating system's id for the process, e.g. to read its memory. */
  pid: number;
  /** Everything the process wrote to stdout and stderr, line by line. */
  output: string[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcessOptions {
  /** 'source' runs src/index.ts under tsx; 'bundle' runs `npm start`'s command on the bundle its build step made. */
  run?: 'source' | 'bundle';
  timeoutMs?: number;
  /** How often /readyz is asked while starting; the benchmark asks often, to time start-up closely. */
  pollEveryMs?: number;
}

export async function startServerProcess(env: Record<string, string>, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const port = await freePort();
  const { node, args } = options.run === 'bundle' ? npmStartCommand() : { node: process.execPath, args: ['--import', 'tsx', 'src/index.ts'] };
  const child: ChildProcess = spawn(node, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output.join('\n')}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms:\n${output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollEveryMs ?? 100));
  }
  return {
    port,
    url,
    pid: child.pid ?? 0,
    output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

export interface SentTurn {
  status: number;
  texts: string[];
  activities: Array<Record<string, unknown>>;
}

/** Posts one message activity with deliveryMode expectReplies and returns the replies' text (and card text). */
export async function sendMessage(url: string, conversation: { id: string; user: string; channelId?: string }, text: string): Promise<SentTurn> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${Math.random().toString(36).slice(2)}`,
      timestamp: new Date().toISOString(),
      channelId: conversation.channelId ?? 'webchat',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: conversation.user, name: 'Parent' },
      recipient: { id: 'bot', name: 'SEN Support Guide' },
      conversation: { id: conversation.id },
      text,
      deliveryMode: 'expectReplies',
    }),
  });
  const body = response.status === 200 ? ((await response.json()) as { activities?: Array<Record<string, unknown>> }) : {};
  const activities = body.activities ?? [];
  return { status: response.status, activities, texts: activities.map((activity) => JSON.stringify(activity)) };
}
