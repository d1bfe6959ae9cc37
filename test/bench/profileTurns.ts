// Profiles our server (or the echo bot) under the benchmark's journey, after warm-up, and prints where the time goes:
// `npx tsx test/bench/profileTurns.ts [concurrency] [seconds] [app|echo]`. The .cpuprofile opens in Chrome DevTools.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runLoad } from './loadGenerator.js';
import { ROOT, startServerChild } from './serverChild.js';
import { npmStartCommand } from '../support/startCommand.js';

const concurrency = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 10);
const entry = process.argv[4] === 'echo' ? 'echo' : 'app';
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-data-'));
// Our bot with npm start's heap flags, as runBench.ts runs it.
const nodeFlags = entry === 'app' ? npmStartCommand().args.filter((arg) => arg.startsWith('--max-')) : [];
const server = await startServerChild({ entry, nodeFlags, env: { STORAGE: process.env.BENCH_STORAGE ?? 'sqlite', DATA_DIR: dataDir, RATE_LIMIT_PER_IP_PER_MINUTE: '0' } });
await runLoad(server.url, { concurrency: 10, durationMs: 10_000 }); // warm-up, as in runBench.ts
const cpuBefore = await server.cpuMs();
const stopProfile = server.startProfile();
const result = await runLoad(server.url, { concurrency, durationMs: seconds * 1000 });
const file = path.join(tmpdir(), `bench-${entry}-${Date.now()}.cpuprofile`);
await stopProfile(file);
const cpuPerTurn = ((await server.cpuMs()) - cpuBefore) / result.turns;
console.log(`${entry}: ${result.turns} turns, ${result.turnsPerSecond.toFixed(1)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}, server CPU ${cpuPerTurn.toFixed(2)} ms per turn`);
await server.stop();
rmSync(dataDir, { recursive: true, force: true });

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const time = self.get(node.id) ?? 0;
  const where = node.callFrame.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
  const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.startsWith('src/') || where.startsWith('dialogs/') ? where.split('/').slice(0, 2).join('/') : where.split('/')[0] || node.callFrame.functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const top = (map: Map<string, number>, n: number) =>
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, time]) => `${((100 * time) / total).toFixed(1).padStart(5)}%  ${key}`);
console.log('\nself time by package/folder:\n' + top(byPackage, 18).join('\n'));
console.log('\nself time by function:\n' + top(byFunction, 30).join('\n'));
console.log(`\nprofile: ${file}`);
