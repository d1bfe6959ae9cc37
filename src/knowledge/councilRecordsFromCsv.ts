// Derives one CouncilRecord per English education authority from mySociety's local authority CSVs (CC BY 4.0).
import { parseCsv } from './parseCsv.js';
import type { CouncilRecord } from './types.js';

/** County, unitary, metropolitan district, London borough, City of London: the authorities with SEN duties. */
export const EDUCATION_AUTHORITY_TYPES = ['CTY', 'UA', 'MD', 'LBO', 'CC'] as const;

export interface CouncilBase {
  /** File name, without .yaml, under content/services/councils/. */
  slug: string;
  record: CouncilRecord;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const key = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/** Other names, each once ignoring case; a capitalised spelling beats an all-lower-case one. */
function mergeAltNames(candidates: string[], exclude: string[]): string[] {
  const excluded = new Set(exclude.map(key));
  const chosen = new Map<string, string>();
  for (const raw of candidates) {
    const name = raw.replace(/\s+/g, ' ').trim();
    const k = key(name);
    if (name === '' || excluded.has(k)) continue;
    const current = chosen.get(k);
    if (current === undefined || (current === current.toLowerCase() && name !== name.toLowerCase())) chosen.set(k, name);
  }
  return [...chosen.values()];
}

function require(row: Record<string, string>, column: string, file: string): string {
  const value = row[column];
  if (value === undefined) {
    throw new Error(`councilRecordsFromCsv(): ${file} has no "${column}" column because its format changed. Use the mySociety uk_la_past_current package files.`);
  }
  return value;
}

export function councilRecordsFromCsv(
  current: { text: string; file: string },
  lookup: { text: string; file: string },
): CouncilBase[] {
  const namesByCode = new Map<string, string[]>();
  for (const row of parseCsv(lookup.text, lookup.file)) {
    const code = require(row, 'local-authority-code', lookup.file);
    const list = namesByCode.get(code) ?? [];
    list.push(require(row, 'la-name', lookup.file));
    namesByCode.set(code, list);
  }

  const rows = parseCsv(current.text, current.file).filter(
    (row) =>
      require(row, 'nation', current.file) === 'England' &&
      require(row, 'current-authority', current.file) === 'True' &&
      (EDUCATION_AUTHORITY_TYPES as readonly string[]).includes(require(row, 'local-authority-type', current.file)),
  );

  return rows
    .map((row): CouncilBase => {
      const name = require(row, 'nice-name', current.file);
      const officialName = require(row, 'official-name', current.file);
      // alt-names separates names with a bare comma; a comma followed by a space is part of a name ("Hull, City of").
      const altColumn = require(row, 'alt-names', current.file).split(/,(?! )/);
      const registryCode = require(row, 'local-authority-code', current.file);
      const govUkSlug = require(row, 'gov-uk-slug', current.file);
      const record: CouncilRecord = {
        code: require(row, 'gss-code', current.file),
        name,
        officialName,
        altNames: mergeAltNames([...altColumn, ...(namesByCode.get(registryCode) ?? [])], [name, officialName]),
        ...(govUkSlug ? { govUkSlug } : {}),
      };
      return { slug: slugify(name), record };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}
