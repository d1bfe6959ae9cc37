// Test fixture: the 153 English upper-tier councils as CouncilRecords, read from the shared mySociety CSV (CC BY 4.0).
import { readFileSync } from 'node:fs';
import type { CouncilRecord } from '../../src/knowledge/types.js';
import { parseCsvRecords } from '../../src/tools/parseCsv.js';

export const COUNCILS_CSV = '/work/shared/data/local-authorities/uk_local_authorities_current.csv';
const UPPER_TIER_TYPES = new Set(['CTY', 'UA', 'MD', 'LBO', 'CC']);

/** English education authorities: nation England, current, and a county, unitary, metropolitan, London or City type. */
export function loadEnglishUpperTierCouncils(file = COUNCILS_CSV): CouncilRecord[] {
  return parseCsvRecords(readFileSync(file, 'utf8'))
    .filter((row) => row.nation === 'England' && row['current-authority'] === 'True' && UPPER_TIER_TYPES.has(row['local-authority-type'] ?? ''))
    .map((row) => ({
      code: row['gss-code'] ?? '',
      name: row['nice-name'] ?? '',
      officialName: row['official-name'] ?? '',
      // The alt-names column is comma-separated, and some names contain commas ("Bristol, City of"); the pieces
      // that result ("City of") are harmless because the matcher drops alternative names made only of filler words.
      altNames: (row['alt-names'] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''),
      govUkSlug: row['gov-uk-slug'] || undefined,
    }));
}
