// RetentionSweeper deletes state unused for RETENTION_DAYS at start and on a timer, and never holds the process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { InMemoryStorage } from '../../src/storage/inMemoryStorage.js';
import { RetentionSweeper } from '../../src/storage/retentionSweeper.js';
import type { StateStore } from '../../src/storage/stateStore.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const sweepers: RetentionSweeper[] = [];
const track = (sweeper: RetentionSweeper) => (sweepers.push(sweeper), sweeper);

afterEach(async () => {
  await Promise.all(sweepers.splice(0).map((sweeper) => sweeper.stop()));
});

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, logger: createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)) };
}

/** A store whose purge only records the cutoff it was given (and can be told to fail). */
function recordingStore(failures = 0) {
  const cutoffs: Date[] = [];
  let remainingFailures = failures;
  const store = new InMemoryStorage();
  store.purgeUnusedSince = async (cutoff: Date) => {
    cutoffs.push(cutoff);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (remainingFailures-- > 0) throw new Error('storage unreachable\nsecond line with detail');
    return 7;
  };
  return { store: store as StateStore, cutoffs };
}

describe('RetentionSweeper', () => {
  it('deletes state last written more than RETENTION_DAYS ago as soon as it starts, and logs only the count', async () => {
    const store = new InMemoryStorage();
    await store.write({ 'sms/users/+447700900123/': { v: 1 } });
    const { lines, logger } = capture();
    // Pretend two days have passed since the write.
    track(new RetentionSweeper(store, { retentionDays: 1, logger, now: () => Date.now() + 2 * DAY_MS })).start();

    await vi.waitFor(() => expect(lines).toContainEqual(expect.objectContaining({ event: 'storage.retention.swept', deleted: 1 })));
    expect(await store.read(['sms/users/+447700900123/'])).toEqual({});
    expect(JSON.stringify(lines)).not.toContain('447700900123');
  });

  it('keeps state written within the retention period', async () => {
    const store = new InMemoryStorage();
    await store.write({ recent: { v: 1 } });
    const sweeper = track(new RetentionSweeper(store, { retentionDays: 1, now: () => Date.now() + DAY_MS - 60_000 }));
    expect(await sweeper.sweep()).toBe(0);
    expect(Object.keys(await store.read(['recent']))).toEqual(['recent']);
  });

  it('asks the store for everything last written before now minus RETENTION_DAYS', async () => {
    const { store, cutoffs } = recordingStore();
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    expect(await track(new RetentionSweeper(store, { retentionDays: 30, now: () => now })).sweep()).toBe(7);
    expect(cutoffs).toEqual([new Date(Date.UTC(2026, 9, 24, 12, 0, 0))]);
  });

  it('sweeps again every interval until stopped', async () => {
    const store = new InMemoryStorage();
    const sweeper = track(new RetentionSweeper(store, { retentionDays: 1, intervalMs: 25, now: () => Date.now() + 2 * DAY_MS }));
    sweeper.start();
    await store.write({ later: { v: 1 } });
    await vi.waitFor(async () => expect(await store.read(['later'])).toEqual({}));

    await sweeper.stop();
    await store.write({ afterStop: { v: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(Object.keys(await store.read(['afterStop']))).toEqual(['afterStop']);
  });

  it('shares a sweep already in progress instead of starting a second one', async () => {
    const { store, cutoffs } = recordingStore();
    const sweeper = track(new RetentionSweeper(store, { retentionDays: 1 }));
    expect(await Promise.all([sweeper.sweep(), sweeper.sweep()])).toEqual([7, 7]);
    expect(cutoffs).toHaveLength(1);
  });

  it('logs a failed sweep (first line only) and tries again at the next interval', async () => {
    const { store, cutoffs } = recordingStore(1);
    const { lines, logger } = capture();
    track(new RetentionSweeper(store, { retentionDays: 1, intervalMs: 25, logger })).start();
    await vi.waitFor(() => expect(lines).toContainEqual(expect.objectContaining({ event: 'storage.retention.swept', deleted: 7 })));
    expect(lines[0]).toEqual(expect.objectContaining({ level: 'error', event: 'storage.retention.failed', error: 'Error: storage unreachable' }));
    expect(cutoffs.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a retention period that is not a positive number of days', () => {
    expect(() => new RetentionSweeper(new InMemoryStorage(), { retentionDays: 0 })).toThrow(/retentionDays is 0, expected a positive number of days \(RETENTION_DAYS\)/);
  });

  it('does not keep the process running', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sweeper-exit-'));
    const script = join(folder, 'main.mts');
    const src = (file: string) => pathToFileURL(join(process.cwd(), 'src/storage', file)).href;
    writeFileSync(
      script,
      `import { InMemoryStorage } from '${src('inMemoryStorage.ts')}';
       import { RetentionSweeper } from '${src('retentionSweeper.ts')}';
       new RetentionSweeper(new InMemoryStorage(), { retentionDays: 30, intervalMs: 60_000 }).start();
       console.log('started');`,
    );
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (...args) => resolve(args)));
      clearTimeout(timer);
      expect({ code, signal, output: output.trim() }).toEqual({ code: 0, signal: null, output: 'started' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
