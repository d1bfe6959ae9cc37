// Replacing a cache file in one step: whole new content or none, no temporary files left behind.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../src/startupCache/writeFileAtomically.js';

const temporary = mkdtempSync(path.join(tmpdir(), 'write-file-atomically-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('creates the folder, replaces an existing file, and leaves nothing else', () => {
    const file = path.join(temporary, 'new', 'cache.json');
    writeFileAtomically(file, 'first');
    writeFileAtomically(file, Buffer.from('second'));
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(path.dirname(file))).toEqual(['cache.json']);
  });

  it('throws when the folder cannot be made, leaving nothing behind', () => {
    const folder = mkdtempSync(path.join(temporary, 'blocked-'));
    const blocker = path.join(folder, 'a-file');
    writeFileSync(blocker, '');
    expect(() => writeFileAtomically(path.join(blocker, 'cache.json'), 'x')).toThrow();
    expect(readdirSync(folder)).toEqual(['a-file']);
  });
});
