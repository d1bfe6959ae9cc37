// The tool lines loader: real files load; broken ones are refused with the file, the key and the fix named.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { TOOL_TEXT_KEYS, loadToolContent, parseToolLines } from '../../../src/knowledge/toolTexts.js';

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content');
const FILE = 'content/tools/sendiass.yaml';

/** A complete, valid sendiass file as an object, so each test can break one thing. */
function validLines(): Record<string, unknown> {
  return Object.fromEntries(TOOL_TEXT_KEYS.sendiass.map((key) => [key, `Line for ${key}.`]));
}

describe('parseToolLines()', () => {
  it('reads plain lines and channel variants, filling in {placeholders}', () => {
    const lines = parseToolLines('sendiass', stringify({ ...validLines(), unknown: 'No details for {council} yet.', 'national-line': { default: '- **{name}**', sms: '- {name}' } }), FILE);
    expect(lines.get('unknown', 'webchat', { council: 'Leeds' })).toBe('No details for Leeds yet.');
    expect(lines.get('national-line', 'sms', { name: 'IPSEA' })).toBe('- IPSEA');
    expect(lines.get('national-line', 'msteams', { name: 'IPSEA' })).toBe('- **IPSEA**');
  });

  it('refuses a file with a key missing, naming the file and the key', () => {
    const broken = validLines();
    delete broken['ask-council'];
    expect(() => parseToolLines('sendiass', stringify(broken), FILE)).toThrow(/content\/tools\/sendiass\.yaml.*ask-council/);
  });

  it('refuses a key nobody uses, so a typo in content shows at start-up', () => {
    expect(() => parseToolLines('sendiass', stringify({ ...validLines(), 'ask-counsil': 'Which council?' }), FILE)).toThrow(/unknown key\(s\) "ask-counsil".*TOOL_TEXT_KEYS/);
  });

  it('refuses an empty line and a variant without a default', () => {
    expect(() => parseToolLines('sendiass', stringify({ ...validLines(), intro: '  ' }), FILE)).toThrow(/intro/);
    expect(() => parseToolLines('sendiass', stringify({ ...validLines(), intro: { sms: 'Hi.' } }), FILE)).toThrow(/intro/);
  });

  it('refuses YAML that does not parse, saying so', () => {
    expect(() => parseToolLines('sendiass', 'intro: "unclosed\nother: [', FILE)).toThrow(/sendiass\.yaml is not valid YAML/);
  });
});

describe('loadToolContent()', () => {
  it('loads every tool file and the review question bank from content/', () => {
    const loaded = loadToolContent(CONTENT);
    expect(Object.keys(loaded.texts).sort()).toEqual(Object.keys(TOOL_TEXT_KEYS).sort());
    expect(loaded.reviewQuestions.worries.length).toBeGreaterThan(0);
  });

  it('names the missing file and CONTENT_DIR when a tool file is absent', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tool-lines-'));
    mkdirSync(path.join(dir, 'tools'));
    writeFileSync(path.join(dir, 'tools', 'request-letter.yaml'), readFileSync(path.join(CONTENT, 'tools', 'request-letter.yaml')));
    expect(() => loadToolContent(dir)).toThrow(/cannot read .*deadlines\.yaml.*CONTENT_DIR/);
  });
});
