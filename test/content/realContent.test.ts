// The project's real content, checked as data: it must pass every content rule and load quickly.
// This fails while topics are still being written; the failure lists exactly what is left to fix.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/knowledge/checkContent.js';
import { readContentFiles } from '../../src/knowledge/contentFiles.js';
import { formatProblem } from '../../src/knowledge/contentProblem.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { REQUIRED_TOPIC_IDS } from '../../src/knowledge/requiredTopics.js';

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');

describe('content/', () => {
  it('passes the content check with no problems', async () => {
    const result = checkContent(await readContentFiles(CONTENT));
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  it('loads into a knowledge base holding every required topic', async () => {
    const kb = await loadKnowledge(CONTENT);
    expect(REQUIRED_TOPIC_IDS.filter((id) => !kb.topics.has(id))).toEqual([]);
  });

  it('loads all content in well under a second once the code is warm', async () => {
    await loadKnowledge(CONTENT);
    // CPU time, not wall time, so other work on a shared machine does not make this flaky.
    const before = process.cpuUsage();
    await loadKnowledge(CONTENT);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
  });
});
