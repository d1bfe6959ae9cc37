// The content check CLI: its report table, its summary of problems, and its exit code.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatReportTable, runContentCheck } from '../../../src/knowledge/contentCheck.js';
import type { TopicReport } from '../../../src/knowledge/checkContent.js';
import { FIXTURE_TODAY, materialiseCase, removeCase, VALID_TOPIC_IDS } from '../../content/fixtureCase.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map(removeCase));
});

async function run(caseName: string): Promise<{ code: number; output: string }> {
  const dir = await materialiseCase(caseName);
  made.push(dir);
  let output = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output += String(chunk);
    return true;
  });
  try {
    // The fixtures have three topics only, so they are the required ones here.
    const code = await runContentCheck(dir, { today: FIXTURE_TODAY, requiredTopicIds: VALID_TOPIC_IDS });
    return { code, output };
  } finally {
    spy.mockRestore();
  }
}

describe('formatReportTable', () => {
  it('prints one aligned row per topic with its numbers, staff rows indented and without examples', () => {
    const base: TopicReport = { id: 'senco', audience: 'parent', file: 'x', words: 120, sentences: 12, readingEase: 75.25, grade: 5.04, longestSentence: 18, averageSentenceLength: 10, examples: 14 };
    const table = formatReportTable([base, { ...base, audience: 'staff', examples: 14 }]).split('\n');
    expect(table[0]).toMatch(/^topic\s+words\s+sentences\s+avg\s+longest\s+ease\s+grade\s+examples$/);
    expect(table[2]).toMatch(/^senco\s+120\s+12\s+10\.0\s+18\s+75\.3\s+5\.0\s+14$/);
    expect(table[3]).toMatch(/^ {2}senco \(staff\)\s+120\s+12\s+10\.0\s+18\s+75\.3\s+5\.0$/);
    expect(new Set(table.slice(0, 3).map((line) => line.length)).size).toBe(1);
  });
});

describe('runContentCheck', () => {
  it('passes with exit code 0 when there are no problems', async () => {
    const { code, output } = await run('valid');
    expect(code).toBe(0);
    expect(output).toContain('Content check passed: no problems.');
  });


  it('fails with exit code 1 and lists each problem on its own line, counted by rule', async () => {
    const { code, output } = await run('long-sentence');
    expect(code).toBe(1);
    expect(output).toContain('Content check FAILED: 1 problem (readability-sentence-length 1).');
    expect(output).toMatch(/\n {2}- .*topics\/senco\.md: body: has a sentence of 29 words/);
    expect(output).toMatch(/Topics 3, glossary terms 2, councils 2, national services 1, intents 2, flows 1\./);
  });
});
