import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../../src/language/cli/classify.ts', import.meta.url));
const INTENT_NAMES = /^(none|greeting|thanks|goodbye|help|menu|human|forget-me|[a-z0-9]+(-[a-z0-9]+)*)$/;

function runClassify(input: string, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { input, encoding: 'utf8', timeout: 60_000 });
}

describe('classify CLI (contract 6)', () => {
  it('writes exactly one JSON object per input line and nothing else on stdout', () => {
    const lines = ['hello', 'how do I ask the council for an EHC needs assessment?', '', 'I want to kill myself', 'what is the weather tomorrow'];
    const run = runClassify(`${lines.join('\n')}\n`);
    expect(run.status).toBe(0);
    const out = run.stdout.split('\n').filter((l) => l.length > 0);
    expect(out).toHaveLength(lines.length);
    const records = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    records.forEach((record, i) => {
      expect(Object.keys(record).sort()).toEqual(['intent', 'safeguarding', 'score', 'text']);
      expect(record.text).toBe(lines[i]);
      expect(typeof record.intent).toBe('string');
      expect(record.intent).toMatch(INTENT_NAMES);
      expect(typeof record.score).toBe('number');
      expect(record.score as number).toBeGreaterThanOrEqual(0);
      expect(record.score as number).toBeLessThanOrEqual(1);
      expect(typeof record.safeguarding).toBe('boolean');
    });
    expect(records.map((r) => r.safeguarding)).toEqual([false, false, false, true, false]);
    expect(records[0]?.intent).toBe('greeting');
    expect(records[2]?.intent).toBe('none');
  });

  it('adds entities when asked, with a fixed reference date', () => {
    const run = runClassify('we asked 7 weeks ago, he is in Year 5\n', ['--entities', '--reference-date', '2026-11-23']);
    expect(run.status).toBe(0);
    const record = JSON.parse(run.stdout.trim()) as { entities: { dates: Array<{ date: string }>; schoolYears: number[] } };
    expect(record.entities.dates.map((d) => d.date)).toEqual(['2026-10-05']);
    expect(record.entities.schoolYears).toEqual([5]);
  });

  it('adds the safeguarding category and the ranked intents with --details', () => {
    const run = runClassify('I want to kill myself\n', ['--details']);
    const record = JSON.parse(run.stdout.trim()) as { safeguardingCategory: string; ranked: Array<{ intent: string; score: number }> };
    expect(record.safeguardingCategory).toBe('suicide');
    expect(record.ranked.length).toBeGreaterThan(0);
  });

  it('reports a bad option on stderr with a non-zero exit', () => {
    const run = runClassify('hello\n', ['--reference-date', 'soon']);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--reference-date/);
  });
});
