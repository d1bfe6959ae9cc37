// The services directory as shipped: all 153 English education authorities, and no contact detail without a source.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { SENDIASS_SEEDS } from '../../src/knowledge/sendiassSeeds.js';
import type { CouncilRecord, KnowledgeBase } from '../../src/knowledge/types.js';

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');
let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadKnowledge(CONTENT);
});

function council(name: string): CouncilRecord {
  const found = kb.councils.find((c) => c.name === name);
  if (!found) throw new Error(`no council named ${name}`);
  return found;
}

describe('council directory', () => {
  it('has one record for each of the 153 English education authorities, with unique codes and names', () => {
    expect(kb.councils).toHaveLength(153);
    expect(new Set(kb.councils.map((c) => c.code)).size).toBe(153);
    expect(new Set(kb.councils.map((c) => c.name.toLowerCase())).size).toBe(153);
  });

  it('covers every kind of education authority in the numbers mySociety lists', () => {
    const byPrefix = (prefix: string) => kb.councils.filter((c) => c.code.startsWith(prefix)).length;
    // Unitary 63; metropolitan districts 36; London boroughs 32 and the City of London; counties 21.
    expect({ E06: byPrefix('E06'), E08: byPrefix('E08'), E09: byPrefix('E09'), E10: byPrefix('E10') }).toEqual({ E06: 63, E08: 36, E09: 33, E10: 21 });
  });

  it('credits mySociety under CC BY 4.0 in every council file', async () => {
    const folder = path.join(CONTENT, 'services/councils');
    const names = (await readdir(folder)).filter((n) => n.endsWith('.yaml'));
    expect(names).toHaveLength(153);
    const uncredited: string[] = [];
    for (const name of names) {
      const text = await readFile(path.join(folder, name), 'utf8');
      if (!/^#.*mySociety.*CC BY 4\.0/m.test(text)) uncredited.push(name);
    }
    expect(uncredited).toEqual([]);
  });

  it('marks Cambridgeshire\'s 2014 SENDIASS details as unverified, needing a fresh check', () => {
    expect(council('Cambridgeshire').sendiass).toMatchObject({
      phone: '01223 699214',
      email: 'pps@cambridgeshire.gov.uk',
      sourceDate: '2014-10-30',
      verified: false,
      note: expect.stringMatching(/^source dated 2014: needs a fresh check/),
      hours: { termTimeOnly: true },
    });
  });

  it('gives Warwickshire a name only and York a name and website, both unverified', () => {
    const warwickshire = council('Warwickshire').sendiass;
    expect(warwickshire).toMatchObject({ name: 'Warwickshire SEND Information Advice and Support (SENDIAS)', verified: false });
    expect([warwickshire?.phone, warwickshire?.email, warwickshire?.website]).toEqual([undefined, undefined, undefined]);
    expect(council('York').sendiass).toMatchObject({ website: 'https://yorksendiass.org.uk', verified: false });
  });

  it('holds no unverified phone number or email that did not come from a project source', () => {
    const seeded = new Set(Object.values(SENDIASS_SEEDS).flatMap((s) => [s.phone, s.email]).filter(Boolean));
    const unsourced = kb.councils
      .filter((c) => c.sendiass && !c.sendiass.verified)
      .flatMap((c) => [c.sendiass?.phone, c.sendiass?.email].filter((v) => v !== undefined && !seeded.has(v)).map((v) => `${c.name}: ${v}`));
    expect(unsourced).toEqual([]);
  });
});

describe('national services', () => {
  it('lists IPSEA, Contact, SOS!SEN and the national IASS finder, none with an unsourced phone number', () => {
    expect(kb.nationalServices.map((s) => s.id)).toEqual(['ipsea', 'contact', 'sos-sen', 'find-local-iass']);
    for (const service of kb.nationalServices) {
      expect(service.phone, service.id).toBeUndefined();
      expect(service.verified, service.id).toBe(false);
      expect(service.note, service.id).toBeTruthy();
    }
    expect(kb.nationalServices.find((s) => s.id === 'find-local-iass')?.website).toBe(
      'https://councilfordisabledchildren.org.uk/information-advice-and-support-services-network/find-your-local-ias-service',
    );
  });
});
