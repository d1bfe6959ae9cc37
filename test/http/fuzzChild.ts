// Starts the app in a child process (its own event loop and heap, so its memory is measured alone) for the fuzz tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FuzzServerMessage } from './fuzzServer.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ChildApp {
  url: string;
  /** Resident set and heap in use after a full garbage collection, in bytes. */
  measure: () => Promise<{ rss: number; heapUsed: number }>;
  /** Whether the process is still running (a crash would have ended it). */
  alive: () => boolean;
  stderr: () => string;
  stop: () => Promise<void>;
}

export async function startChildApp(env: Record<string, string>): Promise<ChildApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fuzz-state-'));
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'test/http/fuzzServer.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      STORAGE: 'sqlite',
      DATA_DIR: dataDir,
      CONTENT_DIR: path.join(ROOT, 'content'),
      RATE_LIMIT_PER_IP_PER_MINUTE: '0',
      RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  let exited = false;
  child.on('exit', () => (exited = true));

  const next = (type: FuzzServerMessage['type']): Promise<FuzzServerMessage> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: FuzzServerMessage): void => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null): void => reject(new Error(`startChildApp(): the app exited (code ${code}) before sending "${type}". Its stderr:\n${stderr}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });

  const ready = await next('ready');
  if (ready.type !== 'ready') throw new Error('startChildApp(): expected a ready message');
  return {
    url: `http://127.0.0.1:${ready.port}`,
    measure: async () => {
      const reply = next('memory');
      child.send('measure');
      const memory = await reply;
      if (memory.type !== 'memory') throw new Error('startChildApp(): expected a memory message');
      return { rss: memory.rss, heapUsed: memory.heapUsed };
    },
    alive: () => !exited,
    stderr: () => stderr,
    stop: async () => {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.send('stop');
        await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
