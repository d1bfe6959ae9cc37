// Every content rule, broken on purpose: each fixture case under test/fixtures/content/<case>/ must produce its problem,
// naming the file and the field, and the loader must refuse the cases that make content unusable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { checkContent } from '../../src/knowledge/checkContent.js';
import { readContentFiles } from '../../src/knowledge/contentFiles.js';
import { ContentError, formatProblem, type ContentProblem } from '../../src/knowledge/contentProblem.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { FIXTURES, FIXTURE_TODAY, materialiseCase, removeCase, VALID_TOPIC_IDS } from './fixtureCase.js';

interface BrokenCase {
  name: string;
  rule: string;
  /** The file the problem must name, relative to the content folder (or "content/..." for files that do not exist). */
  file: string;
  field: string;
  /** Words the problem (message and fix) must contain, so an author knows what to change. */
  says: string;
  /** How many problems of this rule the case makes; 1 unless given. */
  count?: number;
  /** Other rules the same mistake also breaks. */
  alsoRules?: string[];
  /** True when the bot must refuse to load this content (schema and reference problems). */
  loaderRejects: boolean;
}

const CASES: BrokenCase[] = [
  // topic files
  { name: 'topic-no-front-matter', rule: 'front-matter', file: 'topics/senco.md', field: '(file)', says: 'three hyphens', loaderRejects: true },
  { name: 'topic-bad-yaml', rule: 'yaml', file: 'topics/senco.md', field: 'line 6', says: 'not valid YAML', loaderRejects: true },
  { name: 'topic-id-mismatch', rule: 'id-matches-file', file: 'topics/senco.md', field: 'id', says: 'the file is named senco.md', loaderRejects: true },
  { name: 'topic-id-not-kebab', rule: 'topic-schema', file: 'topics/senco.md', field: 'id', says: 'kebab-case', alsoRules: ['id-matches-file'], loaderRejects: true },
  { name: 'topic-missing-title', rule: 'topic-schema', file: 'topics/senco.md', field: 'title', says: 'is missing', loaderRejects: true },
  { name: 'topic-long-summary', rule: 'topic-schema', file: 'topics/senco.md', field: 'summary', says: 'more than 300', loaderRejects: true },
  { name: 'topic-summary-three-sentences', rule: 'topic-schema', file: 'topics/senco.md', field: 'summary', says: '3 sentences, more than 2', loaderRejects: true },
  { name: 'topic-bad-audience', rule: 'topic-schema', file: 'topics/senco.md', field: 'audiences.0', says: 'parent or staff', loaderRejects: true },
  { name: 'topic-no-audience', rule: 'topic-schema', file: 'topics/senco.md', field: 'audiences', says: 'is empty', loaderRejects: true },
  { name: 'topic-no-sources', rule: 'topic-schema', file: 'topics/senco.md', field: 'sources', says: 'at least one source', loaderRejects: true },
  { name: 'topic-http-source', rule: 'topic-schema', file: 'topics/senco.md', field: 'sources.0.url', says: 'https://', loaderRejects: true },
  { name: 'topic-few-examples', rule: 'topic-schema', file: 'topics/senco.md', field: 'examples', says: '11 questions, fewer than 12', loaderRejects: true },
  { name: 'topic-future-review', rule: 'topic-schema', file: 'topics/senco.md', field: 'lastReviewed', says: 'in the future', loaderRejects: true },
  { name: 'topic-bad-date', rule: 'topic-schema', file: 'topics/senco.md', field: 'lastReviewed', says: 'not a real calendar date', loaderRejects: true },
  { name: 'topic-unknown-field', rule: 'topic-schema', file: 'topics/senco.md', field: 'example', says: 'not a field', count: 2, loaderRejects: true },
  { name: 'topic-staff-no-body', rule: 'topic-schema', file: 'topics/sen-support.md', field: 'staff.body', says: 'is missing', loaderRejects: true },
  { name: 'topic-empty-body', rule: 'topic-schema', file: 'topics/senco.md', field: 'body', says: 'is empty', loaderRejects: true },
  // references and unique ids
  { name: 'related-missing', rule: 'related-exists', file: 'topics/sen-support.md', field: 'related.1', says: '"does-not-exist" is not a topic', loaderRejects: true },
  { name: 'related-self', rule: 'related-exists', file: 'topics/senco.md', field: 'related.0', says: 'the topic itself', loaderRejects: true },
  { name: 'duplicate-flow-id', rule: 'unique-ids', file: 'flows/tour.yaml', field: 'id', says: 'tour-copy.yaml', loaderRejects: true },
  { name: 'duplicate-council-code', rule: 'unique-ids', file: 'services/councils/testshire.yaml', field: 'code', says: 'E10000099 is already the code', loaderRejects: true },
  { name: 'duplicate-intent', rule: 'unique-ids', file: 'intents/hello.yaml', field: 'intent', says: 'greeting.yaml', loaderRejects: true },
  { name: 'duplicate-national-id', rule: 'unique-ids', file: 'services/national.yaml', field: '1.id', says: 'test-helpline', loaderRejects: true },
  { name: 'glossary-unknown-topic', rule: 'glossary-topic-exists', file: 'glossary.yaml', field: '1.topic', says: '"sen-help"', loaderRejects: true },
  { name: 'glossary-duplicate-term', rule: 'glossary-unique-terms', file: 'glossary.yaml', field: '2.term', says: 'more than once', loaderRejects: true },
  { name: 'glossary-missing-meaning', rule: 'glossary-schema', file: 'glossary.yaml', field: '0.meaning', says: 'is missing', loaderRejects: true },
  { name: 'glossary-not-a-list', rule: 'glossary-schema', file: 'glossary.yaml', field: '(file)', says: 'must be a list', loaderRejects: true },
  // services directory
  { name: 'council-bad-code', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'code', says: 'ONS code', loaderRejects: true },
  { name: 'council-bad-phone', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'sendiass.phone', says: 'UK phone number', loaderRejects: true },
  { name: 'council-unquoted-phone', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'sendiass.phone', says: 'in quotes', loaderRejects: true },
  { name: 'council-bad-email', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'sendiass.email', says: 'email address', loaderRejects: true },
  { name: 'council-verified-without-contact', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'sendiass.verified', says: 'no phone, email or website', loaderRejects: true },
  { name: 'council-verified-seed-source', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'sendiass.sourceUrl', says: 'cannot back verified details', loaderRejects: true },
  { name: 'council-unverified-without-note', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'sendiass.note', says: 'while verified is false', loaderRejects: true },
  { name: 'council-hours-backwards', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'sendiass.hours.slots.0.closes', says: 'closes before it opens', loaderRejects: true },
  { name: 'council-future-check', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'sendiass.checked', says: 'in the future', loaderRejects: true },
  { name: 'council-unknown-field', rule: 'services-schema', file: 'services/councils/testshire.yaml', field: 'sendiass.phoneNumber', says: 'not a field', loaderRejects: true },
  { name: 'national-http-website', rule: 'services-schema', file: 'services/national.yaml', field: '0.website', says: 'https://', loaderRejects: true },
  { name: 'national-unverified-without-note', rule: 'services-schema', file: 'services/national.yaml', field: '0.note', says: 'while verified is false', loaderRejects: true },
  // intents and flows
  { name: 'intent-no-examples', rule: 'intent-schema', file: 'intents/greeting.yaml', field: 'examples', says: 'is empty', loaderRejects: true },
  { name: 'intent-missing-name', rule: 'intent-schema', file: 'intents/greeting.yaml', field: 'intent', says: 'is missing', loaderRejects: true },
  { name: 'flow-missing-id', rule: 'flow-schema', file: 'flows/tour.yaml', field: 'id', says: 'is missing', loaderRejects: true },
  // editorial: fail the content check, but never stop the bot loading
  { name: 'required-topic-missing', rule: 'required-topics', file: 'content/topics/senco.md', field: '(file)', says: '"senco" is a required topic', loaderRejects: false },
  { name: 'required-file-glossary-missing', rule: 'required-files', file: 'content/glossary.yaml', field: '(file)', says: 'is missing', loaderRejects: false },
  { name: 'required-file-national-missing', rule: 'required-files', file: 'content/services/national.yaml', field: '(file)', says: 'is missing', loaderRejects: false },
  { name: 'required-file-no-councils', rule: 'required-files', file: 'content/services/councils', field: '(file)', says: 'content:councils', loaderRejects: false },
  { name: 'duplicate-example-across-topics', rule: 'unique-examples', file: 'topics/senco.md', field: 'examples.7', says: 'sen-support.md', loaderRejects: false },
  { name: 'duplicate-example-within-topic', rule: 'unique-examples', file: 'topics/senco.md', field: 'examples.7', says: 'examples.1', loaderRejects: false },
  { name: 'duplicate-example-intent', rule: 'unique-examples', file: 'intents/none.yaml', field: 'examples.2', says: 'topic senco', loaderRejects: false },
  { name: 'long-sentence', rule: 'readability-sentence-length', file: 'topics/senco.md', field: 'body', says: '29 words, over 25', loaderRejects: false },
  { name: 'long-sentence-staff', rule: 'readability-sentence-length', file: 'topics/sen-support.md', field: 'staff.body', says: '29 words, over 25', loaderRejects: false },
  { name: 'long-average', rule: 'readability-average', file: 'topics/senco.md', field: 'body', says: 'averages 22 words', loaderRejects: false },
  { name: 'low-reading-ease', rule: 'readability-ease', file: 'topics/senco.md', field: 'body', says: 'reading ease of 53.4, under 60', loaderRejects: false },
  { name: 'high-grade', rule: 'readability-grade', file: 'topics/senco.md', field: 'body', says: 'reading grade of 8.1, over 8', loaderRejects: false },
  { name: 'rights-floor-missing', rule: 'rights-floor', file: 'topics/ehc-request.md', field: 'body', says: 'which every EHC topic must', count: 4, loaderRejects: false },
  { name: 'rights-floor-no-six-weeks', rule: 'rights-floor', file: 'topics/ehc-request.md', field: 'body', says: 'within 6 weeks', loaderRejects: false },
];

const dirs = new Map<string, string>();

beforeAll(async () => {
  for (const name of ['valid', ...CASES.map((c) => c.name)]) dirs.set(name, await materialiseCase(name));
});

afterAll(async () => {
  await Promise.all([...dirs.values()].map(removeCase));
});

async function check(name: string) {
  const dir = dirs.get(name)!;
  return checkContent(await readContentFiles(dir), { today: FIXTURE_TODAY, requiredTopicIds: VALID_TOPIC_IDS, contentLabel: 'content' });
}

function namesFile(problem: ContentProblem, file: string): boolean {
  return problem.file === file || problem.file.endsWith(`/${file}`);
}

describe('the valid fixture', () => {
  it('passes every rule, so each broken case fails for its own reason only', async () => {
    const result = await check('valid');
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.counts).toEqual({ topics: 3, glossary: 2, councils: 2, nationalServices: 1, intents: 2, flows: 1 });
  });

  it('loads into a knowledge base', async () => {
    const kb = await loadKnowledge(dirs.get('valid')!, { today: FIXTURE_TODAY });
    expect([...kb.topics.keys()].sort()).toEqual([...VALID_TOPIC_IDS].sort());
  });
});

describe('every fixture case has a row in the table', () => {
  it('lists each folder under test/fixtures/content exactly once', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'valid').map((d) => d.name);
    expect(CASES.map((c) => c.name).sort()).toEqual(folders.sort());
  });
});

describe.each(CASES)('$name', (testCase) => {
  it(`breaks ${testCase.rule} and names ${testCase.file}: ${testCase.field}`, async () => {
    const { problems } = await check(testCase.name);
    const ofRule = problems.filter((p) => p.rule === testCase.rule);
    expect(ofRule).toHaveLength(testCase.count ?? 1);
    const match = ofRule.find((p) => namesFile(p, testCase.file) && p.field === testCase.field);
    expect(match, `no ${testCase.rule} problem for ${testCase.file}: ${testCase.field} in\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
    const line = formatProblem(match!);
    expect(line.startsWith(`${match!.file}: ${testCase.field}: `)).toBe(true);
    expect(line).toContain(testCase.says);
    // The case breaks only the rules it means to, so a fixture typo cannot pass for the rule under test.
    expect(problems.filter((p) => p.rule !== testCase.rule && !(testCase.alsoRules ?? []).includes(p.rule)).map(formatProblem)).toEqual([]);
  });

  it(testCase.loaderRejects ? 'is refused by loadKnowledge, which lists the problem' : 'does not stop loadKnowledge', async () => {
    const loading = loadKnowledge(dirs.get(testCase.name)!, { today: FIXTURE_TODAY });
    if (!testCase.loaderRejects) {
      await expect(loading).resolves.toBeDefined();
      return;
    }
    const error = await loading.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const contentError = error as ContentError;
    expect(contentError.problems.some((p) => p.rule === testCase.rule && namesFile(p, testCase.file) && p.field === testCase.field)).toBe(true);
    expect(contentError.message).toContain(`${testCase.file}: ${testCase.field}: `);
  });
});
