// Loading content into the knowledge base: the shape other parts read, and refusal with every problem listed.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/knowledge/contentProblem.js';
import { loadKnowledge } from '../../../src/knowledge/loadKnowledge.js';
import { FIXTURES, FIXTURE_TODAY, materialiseCase, removeCase } from '../../content/fixtureCase.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map(removeCase));
});

async function fixture(name: string): Promise<string> {
  const dir = await materialiseCase(name);
  made.push(dir);
  return dir;
}

describe('loadKnowledge', () => {
  it('builds the knowledge base from a content folder', async () => {
    const kb = await loadKnowledge(await fixture('valid'), { today: FIXTURE_TODAY });

    const topic = kb.topics.get('sen-support');
    expect(topic).toMatchObject({ id: 'sen-support', title: 'What SEN support is', audiences: ['parent', 'staff'], related: ['ehc-request'], lastReviewed: '2026-11-01' });
    expect(topic?.body.startsWith('SEN support is extra help at school.')).toBe(true);
    expect(topic?.staff?.body).toContain('Tell the family');
    expect(topic?.file.endsWith(path.join('topics', 'sen-support.md'))).toBe(true);
    expect(kb.topics.get('senco')?.staff).toBeUndefined();

    expect(kb.glossary.map((g) => g.term)).toEqual(['SENCO', 'SEN support']);
    expect(kb.councils.map((c) => c.code).sort()).toEqual(['E06000099', 'E10000099']);
    expect(kb.councils.find((c) => c.code === 'E10000099')?.sendiass?.hours?.slots).toEqual([{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }]);
    expect(kb.nationalServices.map((s) => s.id)).toEqual(['test-helpline']);
    expect(kb.intentExamples.get('greeting')).toEqual(['hello', 'hi there']);
    expect([...kb.intentExamples.keys()].sort()).toEqual(['greeting', 'none']);
    expect(kb.flows.get('tour')).toMatchObject({ id: 'tour', start: 'start' });
  });

  it('lists every problem across files in one ContentError, each naming file and field', async () => {
    // Three unrelated mistakes in three files: the error must carry all of them, not stop at the first.
    const dir = await fixture('valid');
    for (const name of ['topic-missing-title', 'council-bad-phone', 'glossary-unknown-topic']) {
      await cp(path.join(FIXTURES, name), dir, { recursive: true });
    }
    const error = await loadKnowledge(dir, { today: FIXTURE_TODAY }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const { problems, message } = error as ContentError;
    expect(problems.map((p) => `${path.basename(p.file)}: ${p.field}`).sort()).toEqual(['glossary.yaml: 1.topic', 'senco.md: title', 'testshire.yaml: sendiass.phone']);
    expect(message).toMatch(/^loadKnowledge\(\): content has 3 problems/);
    for (const p of problems) expect(message).toContain(`${p.file}: ${p.field}: `);
  });

  it('refuses a folder that does not exist, naming it', async () => {
    const missing = path.join(tmpdir(), 'no-such-content-folder');
    await expect(loadKnowledge(missing)).rejects.toThrow(`${missing}: (folder): is not a folder`);
  });

  it('loads an empty folder as an empty knowledge base, leaving missing content to the content check', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'empty-content-'));
    made.push(empty);
    const kb = await loadKnowledge(empty);
    expect([kb.topics.size, kb.glossary.length, kb.councils.length, kb.flows.size]).toEqual([0, 0, 0, 0]);
  });
});
