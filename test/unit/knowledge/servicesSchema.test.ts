// The services directory schemas: phone and email checks, and what "verified" demands.
import { describe, expect, it } from 'vitest';
import { isUkPhoneNumber } from '../../../src/knowledge/fieldSchemas.js';
import { SENDIASS_SEEDS } from '../../../src/knowledge/sendiassSeeds.js';
import { createCouncilSchema, createNationalServicesSchema, createSendiassSchema } from '../../../src/knowledge/servicesSchema.js';
import { validate } from '../../../src/knowledge/zodProblems.js';

const TODAY = '2026-11-23';
const sendiass = createSendiassSchema(TODAY);

function fields(schema: Parameters<typeof validate>[0], data: unknown): string[] {
  return validate(schema, data, 'x.yaml', 'services-schema').problems.map((p) => p.field);
}

const verified = {
  name: 'Testshire SENDIASS',
  phone: '01234 567890',
  sourceUrl: 'https://www.testshire.gov.uk/sendiass',
  checked: TODAY,
  verified: true,
};

describe('isUkPhoneNumber', () => {
  it.each(['01223 699214', '0808 800 5000', '020 7946 0000', '+44 1223 699214', '999', '111', '116 123'])('accepts %s', (phone) => {
    expect(isUkPhoneNumber(phone)).toBe(true);
  });

  it.each(['123', '01223', '01223 699214 5', 'call 01223 699214', '01223-699214', '+1 555 0100', ''])('refuses %s', (phone) => {
    expect(isUkPhoneNumber(phone)).toBe(false);
  });
});

describe('SENDIASS details', () => {
  it('accepts verified details with a contact and a web source', () => {
    expect(fields(sendiass, verified)).toEqual([]);
  });

  it('needs a phone, email or website when verified', () => {
    const { phone: _phone, ...noContact } = verified;
    expect(fields(sendiass, noContact)).toEqual(['verified']);
    expect(fields(sendiass, { ...noContact, email: 'help@testshire.gov.uk' })).toEqual([]);
  });

  it('refuses a project leaflet as the source of verified details, but accepts it for unverified ones with a note', () => {
    expect(fields(sendiass, { ...verified, sourceUrl: 'seed:002_77505fb071f3be1c.txt' })).toEqual(['sourceUrl']);
    expect(fields(sendiass, { ...verified, sourceUrl: 'seed:002_77505fb071f3be1c.txt', verified: false, note: 'old leaflet' })).toEqual([]);
  });

  it('needs a note saying why details are unverified', () => {
    expect(fields(sendiass, { ...verified, verified: false })).toEqual(['note']);
  });

  it('needs a checked date and a source', () => {
    const { checked: _checked, sourceUrl: _source, ...rest } = verified;
    expect(fields(sendiass, rest).sort()).toEqual(['checked', 'sourceUrl']);
  });

  it('checks email addresses and opening hours', () => {
    expect(fields(sendiass, { ...verified, email: 'not an email' })).toEqual(['email']);
    const hours = { text: 'Mon', slots: [{ days: [1, 8], opens: '9:00', closes: '17:00' }] };
    expect(fields(sendiass, { ...verified, hours }).sort()).toEqual(['hours.slots.0.days.1', 'hours.slots.0.opens']);
  });

  it('accepts every seed the council generator ships', () => {
    for (const [code, details] of Object.entries(SENDIASS_SEEDS)) {
      expect(fields(sendiass, details), code).toEqual([]);
      expect(details.verified, code).toBe(false);
    }
  });
});

describe('council records', () => {
  const council = createCouncilSchema(TODAY);
  it('needs an English education authority code', () => {
    const base = { code: 'E10000003', name: 'Cambridgeshire', officialName: 'Cambridgeshire County Council', altNames: [] };
    expect(fields(council, base)).toEqual([]);
    expect(fields(council, { ...base, code: 'E07000008' })).toEqual(['code']); // a district, not an education authority
    expect(fields(council, { ...base, code: 'S12000034' })).toEqual(['code']);
  });
});

describe('national services', () => {
  const national = createNationalServicesSchema(TODAY);
  it('needs an https website and, when unverified, a note', () => {
    const service = { id: 'ipsea', name: 'IPSEA', whatItDoes: 'Advice.', website: 'https://www.ipsea.org.uk', sourceUrl: 'https://www.ipsea.org.uk', checked: TODAY, verified: false, note: 'Not checked.' };
    expect(fields(national, [service])).toEqual([]);
    expect(fields(national, [{ ...service, website: 'http://www.ipsea.org.uk' }])).toEqual(['0.website']);
    const { note: _note, ...noNote } = service;
    expect(fields(national, [noNote])).toEqual(['0.note']);
  });
});
