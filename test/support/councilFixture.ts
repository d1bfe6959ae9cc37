// Test fixture: the 153 English education authorities as CouncilRecords, read from the committed services directory.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { CouncilRecord } from '../../src/knowledge/types.js';

export const COUNCILS_DIR = path.resolve(import.meta.dirname, '../../content/services/councils');

/** The directory is generated from mySociety's list (npm run content:councils), so tests need no outside files. */
export function loadEnglishUpperTierCouncils(dir = COUNCILS_DIR): CouncilRecord[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => parse(readFileSync(path.join(dir, file), 'utf8')) as CouncilRecord);
}
