// Starts a benchmark server (our app or the echo bot) in its own process, so the load generator never shares its event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BenchChildMessage } from './childProtocol.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerChild {
  url: string;
  /** Milliseconds from spawning the process to its "ready" message. */
  startedInMs: number;
  measure: () => Promise<{ rss: number; heapUsed: number; rssAfterGc: number; heapTotalBeforeGc: number; externalAfterGc: number }>;
  /** CPU time (user + system) the server has used so far, in ms. */
  cpuMs: () => Promise<number>;
  /** Profiles the server from now until the returned function is called, which writes the profile to `file`. */
  startProfile: () => (file: string) => Promise<void>;
  stop: () => Promise<void>;
}

export interface ServerChildOptions {
  entry: 'app' | 'echo';
  env?: Record<string, string>;
  /** Writes a V8 CPU profile of the server into this folder when it exits (node --cpu-prof). */
  cpuProfileDir?: string;
  /** Extra V8 flags for the server, e.g. heap limits. */
  nodeFlags?: string[];
}

export async function startServerChild(options: ServerChildOptions): Promise<ServerChild> {
  const entry = path.join(ROOT, 'test/bench', options.entry === 'app' ? 'benchServer.ts' : 'echoBot.ts');
  const nodeArgs = ['--expose-gc', ...(options.nodeFlags ?? []), ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []), '--import', 'tsx', entry];
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
  let exited = false;
  child.on('exit', () => (exited = true));

  const next = <T extends BenchChildMessage['type']>(type: T): Promise<Extract<BenchChildMessage, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: BenchChildMessage): void => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<BenchChildMessage, { type: T }>);
      };
      const onExit = (code: number | null): void => reject(new Error(`startServerChild(): ${options.entry} exited (code ${code}) before "${type}". stderr:\n${stderr}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });

  const ready = await next('ready');
  return {
    url: `http://127.0.0.1:${ready.port}`,
    startedInMs: performance.now() - started,
    measure: async () => {
      const reply = next('memory');
      child.send('measure');
      const { type: _type, ...memory } = await reply;
      return memory;
    },
    cpuMs: async () => {
      const reply = next('cpu');
      child.send('cpu');
      const { userMs, systemMs } = await reply;
      return userMs + systemMs;
    },
    startProfile: () => {
      child.send('profile-start');
      return async (file: string) => {
        const reply = next('profile');
        child.send({ profileStop: file });
        await reply;
      };
    },
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}
