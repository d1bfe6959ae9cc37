// The parsed-YAML cache: recalled values equal freshly parsed ones, any change to the text is a miss, values JSON
// would change are never kept, YAML errors read as before, and a bad or unwritable cache only costs parsing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { readContentFiles } from '../../../src/knowledge/contentFiles.js';
import { splitFrontMatter } from '../../../src/knowledge/frontMatter.js';
import { loadYamlFile } from '../../../src/knowledge/loadYamlFile.js';
import { PARSED_YAML_FILE, parsedYamlCache, UNUSED_ENTRY_DAYS } from '../../../src/knowledge/parsedYamlCache.js';
import { parseYaml } from '../../../src/knowledge/parseYaml.js';

// Counts real parser runs: a recalled value must not have gone through the parser.
vi.mock('yaml', async (importOriginal) => {
  const actual = await importOriginal<typeof import('yaml')>();
  return { ...actual, parseDocument: vi.fn(actual.parseDocument) };
});
const parses = vi.mocked(parseDocument);

// The shared cache (the one loadKnowledge uses) points at a temporary folder for this file.
const temporary = mkdtempSync(path.join(tmpdir(), 'parsed-yaml-cache-'));
const defaultCacheDirectory = path.join(temporary, 'default');
vi.mock('../../../src/startupCache/startupCacheDirectory.js', () => ({ startupCacheDirectory: () => defaultCacheDirectory }));

afterAll(async () => {
  // After any write still waiting for the next turn of the event loop, or it would make the folder again.
  await new Promise((resolve) => setImmediate(resolve));
  rmSync(temporary, { recursive: true, force: true });
});
beforeEach(() => {
  parses.mockClear();
});

const CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));
const PARSED_AS = 'test';
let folders = 0;
function freshFolder(): string {
  const folder = path.join(temporary, `cache-${++folders}`);
  mkdirSync(folder);
  return folder;
}
const storedKeys = (folder: string) => Object.keys((JSON.parse(readFileSync(path.join(folder, PARSED_YAML_FILE), 'utf8')) as { entries: object }).entries);

describe('parsedYamlCache', () => {
  it('recalls, from the file, a value deep-equal to a fresh parse for every YAML text in the content', async () => {
    const files = await readContentFiles(CONTENT_DIR);
    const texts = [
      ...files.topics.map((f) => splitFrontMatter(f.text)).flatMap((s) => (s.ok ? [s.yaml] : [])),
      ...[...files.councils, ...files.intents, ...files.flows].map((f) => f.text),
      ...[files.glossary, files.nationalServices].flatMap((f) => (f ? [f.text] : [])),
    ];
    expect(texts.length).toBeGreaterThan(150);
    const folder = freshFolder();
    const writing = parsedYamlCache(folder);
    for (const text of texts) writing.remember(text, PARSED_AS, parseDocument(text).toJS());
    writing.flush();
    const reading = parsedYamlCache(folder);
    for (const text of texts) expect(reading.recall(text, PARSED_AS), text.slice(0, 60)).toStrictEqual({ value: parseDocument(text).toJS() });
  });

  it('gives each caller its own copy', () => {
    const cache = parsedYamlCache(freshFolder());
    cache.remember('a: [1]', PARSED_AS, { a: [1] });
    const first = cache.recall('a: [1]', PARSED_AS)?.value as { a: number[] };
    first.a.push(2);
    expect(cache.recall('a: [1]', PARSED_AS)?.value).toEqual({ a: [1] });
  });

  it('misses when the text changes by one character, or was parsed another way', () => {
    const cache = parsedYamlCache(freshFolder());
    cache.remember('id: senco', PARSED_AS, { id: 'senco' });
    expect(cache.recall('id: senco', PARSED_AS)).toEqual({ value: { id: 'senco' } });
    expect(cache.recall('id: senc0', PARSED_AS)).toBeUndefined();
    expect(cache.recall('id: senco ', PARSED_AS)).toBeUndefined();
    expect(cache.recall('id: senco', 'other options')).toBeUndefined();
  });

  it.each([
    ['infinity', 'limit: .inf'],
    ['not a number', 'limit: .nan'],
    ['minus zero', 'limit: -0'],
    ['minus infinity inside a list', 'limits: [1, -.inf]'],
  ])('does not keep a value JSON would change: %s', (_name, text) => {
    const folder = freshFolder();
    const cache = parsedYamlCache(folder);
    const value = parseDocument(text).toJS();
    cache.remember(text, PARSED_AS, value);
    expect(cache.recall(text, PARSED_AS)).toBeUndefined();
    cache.flush();
    expect(existsSync(path.join(folder, PARSED_YAML_FILE))).toBe(false);
    // Still parsed correctly, every time, through the loaders.
    expect(parseYaml(text, 'x.yaml', 0, cache).data).toStrictEqual(value);
  });

  it.each([
    ['not JSON', '{"format": 1, "entr'],
    ['empty', ''],
    ['another format', '{"format": 99, "entries": {}}'],
    ['entries of the wrong shape', '{"format": 1, "entries": {"abc": 3}}'],
  ])('ignores a cache file that is %s, parses, and rewrites it', (_name, stored) => {
    const folder = freshFolder();
    writeFileSync(path.join(folder, PARSED_YAML_FILE), stored);
    const cache = parsedYamlCache(folder);
    expect(parseYaml('id: senco', 'x.yaml', 0, cache).data).toEqual({ id: 'senco' });
    expect(parses).toHaveBeenCalledTimes(1);
    cache.flush();
    parses.mockClear();
    expect(parseYaml('id: senco', 'x.yaml', 0, parsedYamlCache(folder)).data).toEqual({ id: 'senco' });
    expect(parses).not.toHaveBeenCalled();
  });

  it('a folder that cannot be created still parses, without an error', () => {
    const blocker = path.join(freshFolder(), 'a-file');
    writeFileSync(blocker, '');
    const cache = parsedYamlCache(path.join(blocker, 'cache'));
    expect(parseYaml('id: senco', 'x.yaml', 0, cache).data).toEqual({ id: 'senco' });
    expect(() => cache.flush()).not.toThrow();
    expect(parseYaml('id: senco', 'x.yaml', 0, parsedYamlCache(path.join(blocker, 'cache'))).data).toEqual({ id: 'senco' });
  });

  it('writes once for a batch, on the next turn of the event loop', async () => {
    const folder = freshFolder();
    const cache = parsedYamlCache(folder);
    cache.remember('a: 1', PARSED_AS, { a: 1 });
    cache.remember('b: 2', PARSED_AS, { b: 2 });
    expect(existsSync(path.join(folder, PARSED_YAML_FILE))).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(storedKeys(folder)).toHaveLength(2);
  });

  it(`keeps what other runs used recently, and drops what no run has used for ${UNUSED_ENTRY_DAYS} days`, () => {
    const folder = freshFolder();
    const day = 24 * 60 * 60 * 1000;
    const at = (time: number) => parsedYamlCache(folder, () => time);
    const start = Date.UTC(2026, 0, 1);
    const first = at(start);
    first.remember('old: 1', PARSED_AS, { old: 1 });
    first.flush();
    const second = at(start + day);
    second.remember('new: 1', PARSED_AS, { new: 1 });
    second.flush();
    expect(storedKeys(folder)).toHaveLength(2);
    const later = at(start + (UNUSED_ENTRY_DAYS + 0.5) * day);
    expect(later.recall('new: 1', PARSED_AS)).toBeDefined();
    later.remember('newer: 1', PARSED_AS, { newer: 1 });
    later.flush();
    const survivors = at(start + (UNUSED_ENTRY_DAYS + 0.5) * day);
    expect(survivors.recall('old: 1', PARSED_AS)).toBeUndefined();
    expect(survivors.recall('new: 1', PARSED_AS)).toBeDefined();
    expect(survivors.recall('newer: 1', PARSED_AS)).toBeDefined();
  });
});

describe('YAML errors with the cache', () => {
  const broken = 'id: senco\ntitle: [unclosed\nsummary: x\n';

  it('loadYamlFile: the same message naming the file and line, every time, and nothing cached', () => {
    const folder = freshFolder();
    const file = path.join(folder, 'broken.yaml');
    writeFileSync(file, broken);
    const schema = z.object({ id: z.string() });
    const withoutCache = () => loadYamlFile(file, schema, 'test()', '', null);
    const cache = parsedYamlCache(folder);
    const withCache = () => loadYamlFile(file, schema, 'test()', '', cache);
    expect(withoutCache).toThrow(/^test\(\): cannot read .*broken\.yaml because .*line \d+/);
    const message = (() => {
      try {
        withoutCache();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(withCache).toThrow(message);
    expect(withCache).toThrow(message);
    cache.flush();
    expect(existsSync(path.join(folder, PARSED_YAML_FILE))).toBe(false);
  });

  it('parseYaml: the same problem, naming the file and line, every time', () => {
    const cache = parsedYamlCache(freshFolder());
    const expected = parseYaml(broken, 'content/topics/senco.md', 1, null);
    expect(expected.problems).toEqual([expect.objectContaining({ file: 'content/topics/senco.md', field: expect.stringMatching(/^line \d+$/) })]);
    expect(parseYaml(broken, 'content/topics/senco.md', 1, cache)).toEqual(expected);
    expect(parseYaml(broken, 'content/topics/senco.md', 1, cache)).toEqual(expected);
  });

  it('loadYamlFile: a file with a warning is parsed (and warns) every time', () => {
    const folder = freshFolder();
    const file = path.join(folder, 'tagged.yaml');
    writeFileSync(file, 'id: !unknown-tag senco\n');
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const cache = parsedYamlCache(folder);
      const schema = z.object({ id: z.string() });
      expect(loadYamlFile(file, schema, 'test()', '', cache)).toEqual({ id: 'senco' });
      expect(loadYamlFile(file, schema, 'test()', '', cache)).toEqual({ id: 'senco' });
      expect(warn.mock.calls.length + consoleWarn.mock.calls.length).toBe(2);
    } finally {
      warn.mockRestore();
      consoleWarn.mockRestore();
    }
  });
});

describe('loadKnowledge with the shared cache', () => {
  it('gives the same knowledge base from a warm cache, without running the YAML parser', async () => {
    const cold = await (await import('../../../src/knowledge/loadKnowledge.js')).loadKnowledge(CONTENT_DIR);
    expect(parses.mock.calls.length).toBeGreaterThan(150);
    await new Promise((resolve) => setImmediate(resolve));
    expect(existsSync(path.join(defaultCacheDirectory, PARSED_YAML_FILE))).toBe(true);
    // Fresh modules: a new process's view, reading the cache from its file.
    vi.resetModules();
    const counted = vi.mocked((await import('yaml')).parseDocument);
    counted.mockClear();
    const warm = await (await import('../../../src/knowledge/loadKnowledge.js')).loadKnowledge(CONTENT_DIR);
    expect(counted).not.toHaveBeenCalled();
    // The count is live: a text not seen before does go through the parser.
    (await import('../../../src/knowledge/parseYaml.js')).parseYaml('never: seen', 'x.yaml');
    expect(counted).toHaveBeenCalledTimes(1);
    expect(warm).toStrictEqual(cold);
  });
});
