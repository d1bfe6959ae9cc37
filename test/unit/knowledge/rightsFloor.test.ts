// The EHC rights floor phrases: the ways writers say each right are recognised, and near misses are not.
import { describe, expect, it } from 'vitest';
import { missingRightsFloorPoints, RIGHTS_FLOOR, rightsFloorApplies } from '../../../src/knowledge/rightsFloor.js';

function point(key: string) {
  const found = RIGHTS_FLOOR.find((p) => p.key === key);
  if (!found) throw new Error(`no rights floor point ${key}`);
  return found;
}

describe('rightsFloorApplies', () => {
  it('applies to ehc- topics only', () => {
    expect(rightsFloorApplies('ehc-request')).toBe(true);
    expect(rightsFloorApplies('what-is-sen-support')).toBe(false);
  });
});

describe.each([
  {
    key: 'request-themselves',
    said: [
      'You can ask the council for an EHC needs assessment yourself.',
      'Parents can request an assessment directly from the local authority.',
      'A young person aged 16 to 25 can ask for themselves.',
      'You have the right to ask your council for an assessment.',
    ],
    notSaid: ['The school can ask the council for an assessment.', 'You can ask the SENCO for a meeting.', 'Ask for help.'],
  },
  {
    key: 'no-set-form',
    said: [
      'There is no form you have to use.',
      'There is no set form.',
      'You do not have to use the council’s form.',
      "You don't need a special form.",
      'The council cannot insist on its own form.',
      'You can ask without using a form.',
    ],
    notSaid: ['Fill in the form.', 'The council has a form on its website.'],
  },
  {
    key: 'in-writing',
    said: ['Make the request in writing.', 'Write to the SEN team.', 'Send a letter or an email.', 'You can e-mail the council.'],
    notSaid: ['Phone the council.', 'Ask at the front desk.'],
  },
  {
    key: 'six-weeks',
    said: ['The council must decide within 6 weeks.', 'It has six weeks to reply.', 'a 6-week deadline'],
    notSaid: ['It must reply within 16 weeks.', 'It has 20 weeks.', 'It should reply soon.'],
  },
])('$key', ({ key, said, notSaid }) => {
  it.each(said)('is said by: %s', (sentence) => {
    expect(point(key).saidIn([sentence])).toBe(true);
  });
  it.each(notSaid)('is not said by: %s', (sentence) => {
    expect(point(key).saidIn([sentence])).toBe(false);
  });
});

describe('missingRightsFloorPoints', () => {
  it('lists every point a text leaves out, and none when all are there', () => {
    expect(missingRightsFloorPoints(['An assessment looks at needs.']).map((p) => p.key)).toEqual(['request-themselves', 'no-set-form', 'in-writing', 'six-weeks']);
    expect(
      missingRightsFloorPoints([
        'You can ask the council for an assessment yourself.',
        'Write a letter or an email.',
        'There is no form you have to use.',
        'The council must tell you within 6 weeks.',
      ]),
    ).toEqual([]);
  });
});
