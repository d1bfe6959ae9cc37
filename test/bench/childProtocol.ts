// What the benchmark's server children say over IPC: "ready" with their port; memory, CPU time and profiles when asked.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export type BenchChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'memory'; rss: number; heapUsed: number; rssAfterGc: number; heapTotalBeforeGc: number; externalAfterGc: number }
  | { type: 'cpu'; userMs: number; systemMs: number }
  | { type: 'profile'; file: string };

export type BenchChildRequest = 'measure' | 'cpu' | 'stop' | 'profile-start' | { profileStop: string };

/**
 * Answers "measure" with RSS as it is and heap after a full GC (when run with --expose-gc), "cpu" with the CPU time
 * used so far, "profile-start" / {profileStop: file} with a V8 CPU profile of just the part in between (no start-up),
 * and "stop" by closing.
 */
export function answerMemoryRequests(close: () => Promise<void>): void {
  let session: Session | undefined;
  const reply = (message: BenchChildMessage): void => {
    process.send?.(message);
  };
  process.on('message', (request: BenchChildRequest) => {
    if (request === 'measure') {
      const before = process.memoryUsage();
      for (let i = 0; i < 4; i += 1) globalThis.gc?.();
      const after = process.memoryUsage();
      reply({ type: 'memory', rss: before.rss, heapUsed: after.heapUsed, rssAfterGc: after.rss, heapTotalBeforeGc: before.heapTotal, externalAfterGc: after.external });
    } else if (request === 'cpu') {
      const usage = process.cpuUsage();
      reply({ type: 'cpu', userMs: usage.user / 1000, systemMs: usage.system / 1000 });
    } else if (request === 'profile-start') {
      session = new Session();
      session.connect();
      void session.post('Profiler.enable').then(() => session?.post('Profiler.start'));
    } else if (typeof request === 'object' && 'profileStop' in request) {
      void session?.post('Profiler.stop').then(({ profile }) => {
        writeFileSync(request.profileStop, JSON.stringify(profile));
        session?.disconnect();
        reply({ type: 'profile', file: request.profileStop });
      });
    } else if (request === 'stop') {
      void close().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}
