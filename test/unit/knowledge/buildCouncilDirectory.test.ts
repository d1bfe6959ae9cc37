// The council generator: which authorities it keeps, the names it records, and that a re-run keeps councils' own edits.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCouncilDirectory, renderCouncilFile } from '../../../src/knowledge/buildCouncilDirectory.js';
import { councilRecordsFromCsv, slugify } from '../../../src/knowledge/councilRecordsFromCsv.js';
import { createCouncilSchema } from '../../../src/knowledge/servicesSchema.js';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/local-authorities');
const temps: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'councils-'));
  temps.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function records() {
  const read = async (name: string) => ({ text: await readFile(path.join(DATA, name), 'utf8'), file: name });
  return councilRecordsFromCsv(await read('uk_local_authorities_current.csv'), await read('lookup_name_to_registry.csv'));
}

describe('councilRecordsFromCsv', () => {
  it('keeps current English counties and unitaries and drops districts, other nations and abolished councils', async () => {
    expect((await records()).map((c) => c.record.code)).toEqual(['E10000003', 'E06000010', 'E10000031', 'E06000014']);
  });

  it('records names from both files, each once, ignoring case and the main names', async () => {
    const hull = (await records()).find((c) => c.record.code === 'E06000010')!;
    expect(hull.slug).toBe('kingston-upon-hull');
    expect(hull.record).toMatchObject({ name: 'Kingston upon Hull', officialName: 'Hull City Council', govUkSlug: 'kingston-upon-hull' });
    // "Kingston upon Hull, City of" keeps its comma: alt-names separates names with a bare comma only.
    expect(hull.record.altNames).toContain('Kingston upon Hull, City of');
    const lower = hull.record.altNames.map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    expect(lower).not.toContain('kingston upon hull');
    expect(lower).not.toContain('hull city council');
  });
});

describe('slugify', () => {
  it('makes file names from council names', () => {
    expect(slugify('St. Helens')).toBe('st-helens');
    expect(slugify('Bath & North East Somerset')).toBe('bath-and-north-east-somerset');
  });
});

describe('renderCouncilFile', () => {
  it('credits mySociety under CC BY 4.0 and writes a record the council schema accepts', async () => {
    const york = (await records()).find((c) => c.record.code === 'E06000014')!;
    const text = renderCouncilFile(york);
    expect(text).toMatch(/^# .*\n# .*mySociety.*CC BY 4\.0/);
    expect(createCouncilSchema('2026-11-23').safeParse(parse(text)).success).toBe(true);
  });

  it('adds the seeded SENDIASS details, with the phone number quoted so its 0 survives', async () => {
    const cambs = (await records()).find((c) => c.record.code === 'E10000003')!;
    const text = renderCouncilFile(cambs);
    expect(text).toContain('phone: "01223 699214"');
    expect(parse(text).sendiass).toMatchObject({ phone: '01223 699214', verified: false, sourceDate: '2014-10-30' });
  });
});

describe('buildCouncilDirectory', () => {
  it('writes one file per council and keeps edited sendiass and childrensSocialCare sections, comments included', async () => {
    const out = await tempDir();
    await buildCouncilDirectory(DATA, out);
    expect((await readdir(out)).sort()).toEqual(['cambridgeshire.yaml', 'kingston-upon-hull.yaml', 'warwickshire.yaml', 'york.yaml']);

    // A council edits its file: new SENDIASS details, a comment, social care, and a stale generated field.
    const hullFile = path.join(out, 'kingston-upon-hull.yaml');
    const edited = (await readFile(hullFile, 'utf8')).replace('name: Kingston upon Hull', 'name: Hull (edited by hand)') +
      [
        'sendiass:',
        '  name: Hull SENDIASS # checked by phone',
        '  phone: "01234 567890"',
        '  sourceUrl: https://www.example.gov.uk/sendiass',
        '  checked: 2026-11-20',
        '  verified: true',
        'childrensSocialCare:',
        '  website: https://www.example.gov.uk/social-care',
        '  sourceUrl: https://www.example.gov.uk/social-care',
        '  checked: 2026-11-20',
        '  verified: true',
        '',
      ].join('\n');
    await writeFile(hullFile, edited);
    // A council file renamed by its editor is still matched by code.
    const cambsText = await readFile(path.join(out, 'cambridgeshire.yaml'), 'utf8');
    await rm(path.join(out, 'cambridgeshire.yaml'));
    await writeFile(path.join(out, 'cambs-county.yaml'), cambsText.replace('verified: false', 'verified: false # still to check'));

    const result = await buildCouncilDirectory(DATA, out);
    expect(result.orphans).toEqual([]);
    const hull = await readFile(hullFile, 'utf8');
    expect(parse(hull)).toMatchObject({
      name: 'Kingston upon Hull',
      sendiass: { name: 'Hull SENDIASS', phone: '01234 567890', verified: true },
      childrensSocialCare: { website: 'https://www.example.gov.uk/social-care' },
    });
    expect(hull).toContain('# checked by phone');
    expect((await readdir(out)).sort()).toEqual(['cambs-county.yaml', 'kingston-upon-hull.yaml', 'warwickshire.yaml', 'york.yaml']);
    expect(await readFile(path.join(out, 'cambs-county.yaml'), 'utf8')).toContain('# still to check');
  });

  it('leaves files for councils that are not in the data and reports them', async () => {
    const out = await tempDir();
    await writeFile(path.join(out, 'gone.yaml'), 'code: E10000002\nname: Buckinghamshire County\n');
    const result = await buildCouncilDirectory(DATA, out);
    expect(result.orphans).toEqual(['gone.yaml']);
    expect(await readFile(path.join(out, 'gone.yaml'), 'utf8')).toContain('E10000002');
  });

  it('refuses to run over a council file it cannot read, so no details are lost', async () => {
    const out = await tempDir();
    await writeFile(path.join(out, 'york.yaml'), 'code: E06000014\nsendiass: [unclosed\n');
    await expect(buildCouncilDirectory(DATA, out)).rejects.toThrow(/york\.yaml is not valid YAML.*Fix the file/);
  });

  it('explains a missing data folder', async () => {
    await expect(buildCouncilDirectory(path.join(DATA, 'nope'), await tempDir())).rejects.toThrow(/cannot read the CSVs.*Pass --data/);
  });
});
