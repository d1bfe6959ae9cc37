// `npm run bench`: the performance table (DESIGN.md contract 8). Prints one table and writes the figures to test/bench/results.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { createLanguageUnderstanding } from '../../src/language/createLanguageUnderstanding.js';
import { defaultTrainer, trainIntentClassifier } from '../../src/language/intentClassifier.js';
import { createNormaliser, loadNormalisationRules } from '../../src/language/normaliseText.js';
import { trainingExamplesFrom } from '../../src/language/readTrainingExamples.js';
import { percentile, runLoad, type JourneyStep, type LoadOptions, type LoadResult } from './loadGenerator.js';
import { ROOT, startServerChild, type ServerChild } from './serverChild.js';
import { bundleServer } from '../../src/build/bundleServer.js';
import { startServerProcess } from '../support/serverProcess.js';
import { npmStartCommand } from '../support/startCommand.js';

const LEVELS = [1, 10, 50, 200];
const SECONDS_PER_LEVEL = Number(process.env.BENCH_SECONDS ?? 6);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const STARTS = 3;
const ROUNDS_AT_50 = 5;
const WARM_UP_SECONDS = 10;
/** A pause between turns far shorter than a person takes to read a reply, so the load is still heavy. */
const READING_PAUSE_MS = { min: 500, max: 1500 };
const READING_PACE_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 15);
const TARGETS = { ratioAt50: 0.5, p99At50Ms: 50, rssMb: 300, readyMs: 2000 };
/**
 * V8 grows the old generation lazily (up to about 4 times the live heap between major collections), so resident
 * memory after a burst says more about GC timing than about what the bot keeps. `npm start` caps the old generation
 * to keep it under the target. Our bot runs with exactly those flags in every measurement, throughput included, so
 * the figures are the ones production gets; one memory run of src/ on node's defaults shows the difference.
 */
const heapFlags = (): string[] => npmStartCommand().args.filter((arg) => arg.startsWith('--max-'));

/** Every server runs as in production (sqlite, defaults), except the per-address limit, which one load generator would trip. */
const APP_ENV = { RATE_LIMIT_PER_IP_PER_MINUTE: '0' };

interface Results {
  when: string;
  machine: { node: string; cpus: number; cpuModel: string; loadAverage: number[] };
  classifier: { examples: number; trainMs: number; classifyP50Ms: number; classifyP99Ms: number; understandP50Ms: number; understandP99Ms: number; messages: number };
  /** At each level, ours and the echo bot in turn; at 50, the median of several rounds, with every round's ratio. */
  load: Array<{ concurrency: number; ours: LevelResult; echo: LevelResult; ratio: number; roundRatios: number[] }>;
  /** 50 conversations again, each pausing READING_PAUSE_MS between turns: latency when the server is not saturated. */
  readingPaceAt50: { pauseMs: { min: number; max: number }; ours: LevelResult; echo: LevelResult };
  /** Ours at 50 with STORAGE=memory: the difference is what sqlite's per-commit fsync costs. */
  memoryStorageAt50: LevelResult;
  /**
   * 'npm start': the built bundle, run by npm start's own command, its memory read from the operating system.
   * 'source': src/ under tsx with node's defaults, which can also report its heap after a full GC (for comparison).
   */
  memory: Array<{ run: 'npm start' | 'source'; storage: string; nodeFlags: string[]; conversations: number; turns: number; errors: number; rssMb: number; heapAfterGcMb?: number; rssAfterGcMb?: number }>;
  /** Start to /readyz 200, and how long the first question asked at that moment took to answer. */
  ready: { runs: number[]; medianMs: number; firstReplyMs: number[] };
  totalSeconds: number;
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function measureClassifier(): Promise<Results['classifier']> {
  const knowledge = await loadKnowledge(path.join(ROOT, 'content'));
  const examples = trainingExamplesFrom(knowledge);
  // Trained without the start-up model cache, which would otherwise make this a file read.
  const uncached = { trainer: defaultTrainer(createNormaliser(loadNormalisationRules()), undefined, null) };
  trainIntentClassifier(examples, uncached); // warm-up: the first run also compiles the code
  const started = performance.now();
  trainIntentClassifier(examples, uncached);
  const trainMs = performance.now() - started;
  const language = createLanguageUnderstanding(knowledge);
  const messages = readFileSync(path.join(ROOT, 'test/eval/nlu-test.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const time = (work: (text: string) => unknown): number[] => {
    for (const text of messages) work(text); // warm up
    const times: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (const text of messages) {
        const t0 = performance.now();
        work(text);
        times.push(performance.now() - t0);
      }
    }
    return times.sort((a, b) => a - b);
  };
  const classify = time((text) => language.classifier.classify(text));
  // Reading `entities` makes the full understanding run, date and number recognition included.
  const understand = time((text) => language.understand(text).entities);
  return {
    examples: [...examples.values()].reduce((sum, list) => sum + list.length, 0),
    trainMs,
    classifyP50Ms: percentile(classify, 50),
    classifyP99Ms: percentile(classify, 99),
    understandP50Ms: percentile(understand, 50),
    understandP99Ms: percentile(understand, 99),
    messages: messages.length,
  };
}

interface LevelResult extends LoadResult {
  /** Server CPU time (user + system) per turn: unlike turns/s, it barely moves when other work shares the machine. */
  cpuMsPerTurn: number;
}

interface BenchServer {
  entry: 'app' | 'echo';
  storage: 'sqlite' | 'memory';
  server: ServerChild;
  dataDir: string;
}

async function startBenchServer(entry: 'app' | 'echo', storage: 'sqlite' | 'memory'): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-state-'));
  // The echo bot is the bare stack, so it runs on node's defaults.
  const server = await startServerChild({ entry, nodeFlags: entry === 'app' ? heapFlags() : [], env: { ...APP_ENV, STORAGE: storage, DATA_DIR: dataDir } });
  // Warm-up (JIT, lazy loading, sqlite cache), not counted. By time, not by turns: a few hundred turns left our bot's
  // first measured level running at about half its steady speed while V8 was still optimising it, and after 5 s our
  // bot still got about a fifth faster over the next 10 s of load.
  await runLoad(server.url, { concurrency: 10, durationMs: WARM_UP_SECONDS * 1000 });
  return { entry, storage, server, dataDir };
}

async function stopBenchServer({ server, dataDir }: BenchServer): Promise<void> {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function measureLevel({ entry, storage, server }: BenchServer, level: number, pauseMs?: LoadOptions['pauseMs']): Promise<LevelResult> {
  const cpuBefore = await server.cpuMs();
  const durationMs = (pauseMs ? READING_PACE_SECONDS : SECONDS_PER_LEVEL) * 1000;
  const result = await runLoad(server.url, { concurrency: level, durationMs, pauseMs });
  const cpuMsPerTurn = ((await server.cpuMs()) - cpuBefore) / Math.max(1, result.turns);
  log(`${entry} (${storage}) at ${level}${pauseMs ? ' at a reading pace' : ''}: ${result.turnsPerSecond.toFixed(0)} turns/s, p99 ${result.p99.toFixed(1)} ms, ${cpuMsPerTurn.toFixed(2)} ms CPU a turn, ${result.errors} errors`);
  return { ...result, cpuMsPerTurn };
}

/**
 * Our bot and the echo bot take turns at each level, so a noisy moment on the machine falls on both. The echo bot's
 * figure varied by a third between runs here, so the level with a target runs ROUNDS_AT_50 times and the round with
 * the median ratio is reported (all the ratios are kept).
 */
async function measureLoad(): Promise<Pick<Results, 'load' | 'readingPaceAt50'>> {
  const ours = await startBenchServer('app', 'sqlite');
  const echo = await startBenchServer('echo', 'sqlite');
  try {
    const levels: Results['load'] = [];
    for (const concurrency of LEVELS) {
      const rounds: Results['load'] = [];
      for (let round = 0; round < (concurrency === 50 ? ROUNDS_AT_50 : 1); round += 1) {
        const o = await measureLevel(ours, concurrency);
        const e = await measureLevel(echo, concurrency);
        rounds.push({ concurrency, ours: o, echo: e, ratio: o.turnsPerSecond / e.turnsPerSecond, roundRatios: [] });
      }
      const sorted = [...rounds].sort((x, y) => x.ratio - y.ratio);
      const median = sorted[Math.floor(sorted.length / 2)];
      if (!median) throw new Error(`runBench: no result at concurrency ${concurrency}`);
      levels.push({ ...median, roundRatios: rounds.map((r) => r.ratio) });
    }
    const readingPaceAt50 = { pauseMs: READING_PAUSE_MS, ours: await measureLevel(ours, 50, READING_PAUSE_MS), echo: await measureLevel(echo, 50, READING_PAUSE_MS) };
    return { load: levels, readingPaceAt50 };
  } finally {
    await stopBenchServer(ours);
    await stopBenchServer(echo);
  }
}

const OPENING: JourneyStep[] = [() => 'The four stages'];

/**
 * Opens CONVERSATIONS conversations, each with a guided flow on its dialog stack, then reads the server's resident
 * memory. The target is for the server as `npm start` runs it: the bundle, not src/ under tsx, whose loader and
 * source maps alone hold about 45 MB more.
 */
async function measureMemory(storage: 'sqlite' | 'memory', run: 'npm start' | 'source'): Promise<Results['memory'][number]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-memory-'));
  const env = { ...APP_ENV, STORAGE: storage, DATA_DIR: dataDir };
  try {
    if (run === 'npm start') {
      const server = await startServerProcess({ NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'warn', ...env }, { run: 'bundle', timeoutMs: 60_000 });
      try {
        const result = await runLoad(server.url, { concurrency: 50, journeys: CONVERSATIONS, journey: OPENING });
        const rssMb = residentMb(server.pid);
        log(`memory on ${storage}, as npm start runs it: ${result.turns} turns in ${result.seconds.toFixed(0)} s, rss ${rssMb.toFixed(0)} MB`);
        return { run, storage, nodeFlags: heapFlags(), conversations: CONVERSATIONS, turns: result.turns, errors: result.errors, rssMb };
      } finally {
        await server.stop();
      }
    }
    const server = await startServerChild({ entry: 'app', env });
    try {
      const result = await runLoad(server.url, { concurrency: 50, journeys: CONVERSATIONS, journey: OPENING });
      const memory = await server.measure();
      log(`memory on ${storage}, source with node's defaults: ${result.turns} turns in ${result.seconds.toFixed(0)} s, rss ${(memory.rss / 1048576).toFixed(0)} MB`);
      return { run, storage, nodeFlags: [], conversations: CONVERSATIONS, turns: result.turns, errors: result.errors, rssMb: memory.rss / 1048576, heapAfterGcMb: memory.heapUsed / 1048576, rssAfterGcMb: memory.rssAfterGc / 1048576 };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A process's resident memory in MB, as the operating system counts it (Linux /proc, else ps). */
function residentMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(status, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/** Starts the server as `npm start` runs it (after its build step), times it until /readyz answers 200, then asks a question. */
async function timeToReady(): Promise<{ readyMs: number; firstReplyMs: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-ready-'));
  const started = performance.now();
  const server = await startServerProcess(
    { NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'warn', STORAGE: 'sqlite', DATA_DIR: dataDir },
    { run: 'bundle', timeoutMs: 60_000, pollEveryMs: 10 },
  );
  try {
    const readyMs = performance.now() - started;
    const asked = performance.now();
    const first = await runLoad(server.url, { concurrency: 1, journeys: 1, journey: [() => 'what is SEN support?'] });
    if (first.errors > 0) throw new Error(`runBench: the first question after start failed: ${first.errorSamples.join('; ')}`);
    return { readyMs, firstReplyMs: performance.now() - asked };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const mark = (ok: boolean): string => (ok ? 'yes' : 'NO');

function table(results: Results): string {
  type Row = [string, string, string, string, string, string];
  const rows: Row[] = [['measure', 'ours', 'echo bot', 'ours/echo', 'target', 'met']];
  const c = results.classifier;
  rows.push([`classifier training (${c.examples} examples)`, `${ms(c.trainMs)} ms`, '', '', '', '']);
  rows.push([`classify one message p50 / p99 (${c.messages} eval messages)`, `${ms(c.classifyP50Ms)} / ${ms(c.classifyP99Ms)} ms`, '', '', '', '']);
  rows.push(['understand one message p50 / p99 (+ safeguarding, dates, numbers)', `${ms(c.understandP50Ms)} / ${ms(c.understandP99Ms)} ms`, '', '', '', '']);
  for (const { concurrency, ours, echo, ratio, roundRatios } of results.load) {
    const at50 = concurrency === 50;
    const rounds = roundRatios.length > 1 ? ` (median of ${roundRatios.length} rounds: ${roundRatios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')})` : '';
    rows.push([
      `${concurrency} concurrent: turns/s${rounds}`,
      ours.turnsPerSecond.toFixed(0),
      echo.turnsPerSecond.toFixed(0),
      `${(ratio * 100).toFixed(0)}%`,
      at50 ? `>= ${TARGETS.ratioAt50 * 100}% of echo` : '',
      at50 ? mark(ratio >= TARGETS.ratioAt50) : '',
    ]);
    rows.push([
      `${concurrency} concurrent: latency p50 / p99 / max`,
      `${ms(ours.p50)} / ${ms(ours.p99)} / ${ms(ours.max)} ms`,
      `${ms(echo.p50)} / ${ms(echo.p99)} / ${ms(echo.max)} ms`,
      '',
      at50 ? `p99 < ${TARGETS.p99At50Ms} ms` : '',
      at50 ? mark(ours.p99 < TARGETS.p99At50Ms) : '',
    ]);
    rows.push([`${concurrency} concurrent: errors (of turns)`, `${ours.errors} (of ${ours.turns})`, `${echo.errors} (of ${echo.turns})`, '', '0', mark(ours.errors === 0 && echo.errors === 0)]);
    rows.push([`${concurrency} concurrent: server CPU per turn`, `${ms(ours.cpuMsPerTurn)} ms`, `${ms(echo.cpuMsPerTurn)} ms`, `${(ours.cpuMsPerTurn / echo.cpuMsPerTurn).toFixed(1)}x`, '', '']);
  }
  const paced = results.readingPaceAt50;
  rows.push([
    `50 conversations, each pausing ${paced.pauseMs.min / 1000}–${paced.pauseMs.max / 1000} s between turns: turns/s; latency p50 / p99 / max`,
    `${paced.ours.turnsPerSecond.toFixed(0)}; ${ms(paced.ours.p50)} / ${ms(paced.ours.p99)} / ${ms(paced.ours.max)} ms`,
    `${paced.echo.turnsPerSecond.toFixed(0)}; ${ms(paced.echo.p50)} / ${ms(paced.echo.p99)} / ${ms(paced.echo.max)} ms`,
    '',
    `p99 < ${TARGETS.p99At50Ms} ms`,
    mark(paced.ours.p99 < TARGETS.p99At50Ms),
  ]);
  rows.push([`50 conversations with pauses: errors (of turns)`, `${paced.ours.errors} (of ${paced.ours.turns})`, `${paced.echo.errors} (of ${paced.echo.turns})`, '', '0', mark(paced.ours.errors === 0 && paced.echo.errors === 0)]);
  const m50 = results.memoryStorageAt50;
  rows.push(['50 concurrent, STORAGE=memory: turns/s; p50 / p99 / max', `${m50.turnsPerSecond.toFixed(0)}; ${ms(m50.p50)} / ${ms(m50.p99)} / ${ms(m50.max)} ms`, '', '', '', '']);
  for (const memory of results.memory) {
    // The target is for the server as `npm start` runs it; the source run without its heap flags is for comparison.
    const asStarted = memory.run === 'npm start';
    const afterGc = memory.rssAfterGcMb === undefined ? '' : ` (${memory.rssAfterGcMb.toFixed(0)} MB, ${(memory.heapAfterGcMb ?? 0).toFixed(0)} MB)`;
    rows.push([
      `resident memory after ${memory.conversations.toLocaleString('en-GB')} conversations, ${memory.storage}, ${asStarted ? `as npm start runs it (the built bundle, ${memory.nodeFlags.join(' ')})` : "src/ under tsx with node's defaults (comparison; after a full GC: RSS, heap)"}`,
      `${memory.rssMb.toFixed(0)} MB${afterGc}`,
      '',
      '',
      asStarted ? `< ${TARGETS.rssMb} MB, 0 errors` : '',
      asStarted ? mark(memory.rssMb < TARGETS.rssMb && memory.errors === 0) : '',
    ]);
  }
  rows.push([
    `process start to /readyz 200 (median of ${results.ready.runs.length}: ${results.ready.runs.map((run) => (run / 1000).toFixed(2)).join(', ')} s)`,
    `${(results.ready.medianMs / 1000).toFixed(2)} s`,
    '',
    '',
    `< ${TARGETS.readyMs / 1000} s`,
    mark(results.ready.medianMs < TARGETS.readyMs),
  ]);
  rows.push([`first question answered, asked the moment /readyz says 200 (each start)`, results.ready.firstReplyMs.map((t) => `${ms(t)} ms`).join(', '), '', '', '', '']);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const line = (row: Row): string => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  const header = `SEN Support Guide benchmark, ${results.when}, node ${results.machine.node}, ${results.machine.cpus} x ${results.machine.cpuModel}, load average before ${results.machine.loadAverage.map((n) => n.toFixed(2)).join(' ')}; ${SECONDS_PER_LEVEL} s per level, 6-turn journeys sent back to back (no pause) unless a row says otherwise, sqlite state`;
  return [header, '', line(rows[0] as Row), rule, ...rows.slice(1).map(line), '', `total ${results.totalSeconds.toFixed(0)} s; figures in test/bench/results.json`].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', loadAverage: os.loadavg() };
  log('classifier');
  const classifier = await measureClassifier();
  log('building the server bundle, as `npm start` does first');
  const bundle = await bundleServer();
  log(`process start to ready (${path.relative(ROOT, bundle.outfile)})`);
  const readyRuns: number[] = [];
  const firstReplyMs: number[] = [];
  for (let i = 0; i < STARTS; i += 1) {
    const run = await timeToReady();
    readyRuns.push(run.readyMs);
    firstReplyMs.push(run.firstReplyMs);
  }
  log('turns over HTTP');
  const { load, readingPaceAt50 } = await measureLoad();
  const memoryServer = await startBenchServer('app', 'memory');
  const memoryStorageAt50 = await measureLevel(memoryServer, 50).finally(() => stopBenchServer(memoryServer));
  log(`memory after ${CONVERSATIONS} conversations (three servers at once, each in its own process)`);
  const memory = await Promise.all([measureMemory('sqlite', 'npm start'), measureMemory('memory', 'npm start'), measureMemory('sqlite', 'source')]);
  const sortedReady = [...readyRuns].sort((a, b) => a - b);
  const results: Results = {
    when: new Date().toISOString(),
    machine,
    classifier,
    load,
    readingPaceAt50,
    memoryStorageAt50,
    memory,
    ready: { runs: readyRuns, medianMs: percentile(sortedReady, 50), firstReplyMs },
    totalSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(path.join(ROOT, 'test/bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${table(results)}\n`);
}

await main();
