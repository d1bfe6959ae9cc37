// The SENDIASS hand-off on every channel: verified details with source, date and opening status; unknown, unverified
// and ambiguous councils; the national finder; the deploying council; and how school staff can help a family.
import { describe, expect, it } from 'vitest';
import { loadToolContent } from '../../src/knowledge/toolTexts.js';
import type { CouncilRecord, KnowledgeBase, SendiassDetails } from '../../src/knowledge/types.js';
import { loadParts } from '../support/guideHarness.js';
import { CHANNELS, openTool } from '../support/toolConversation.js';

const { knowledge, content } = await loadParts();
const lines = loadToolContent().texts.sendiass;

const BARNET = 'E09000003';
const CAMBRIDGESHIRE = 'E10000003';

/** Invented for this test only (Ofcom's drama number range, example.org): never in content. */
const TEST_SERVICE: SendiassDetails = {
  name: 'Barnet Test SENDIASS',
  phone: '020 7946 0000',
  email: 'sendiass@example.org',
  website: 'https://example.org/sendiass',
  hours: { text: 'Monday to Friday, 9am to 5pm', slots: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }] },
  sourceUrl: 'https://example.org/sendiass/contact-us',
  checked: '2026-11-20',
  verified: true,
};

/** A copy of the knowledge base where one council has verified details. */
function withService(code: string, service: SendiassDetails): KnowledgeBase {
  return { ...knowledge, councils: knowledge.councils.map((council): CouncilRecord => (council.code === code ? { ...council, sendiass: service } : council)) };
}

const PHONE_LIKE = /\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b/;
const finder = knowledge.nationalServices.find((service) => service.id === 'find-local-iass');

describe('the test data', () => {
  it('uses a council with no details in content, and Cambridgeshire as the unverified one', () => {
    expect(knowledge.councils.find((council) => council.code === BARNET)?.sendiass).toBeUndefined();
    const cambridgeshire = knowledge.councils.find((council) => council.code === CAMBRIDGESHIRE)?.sendiass;
    expect(cambridgeshire?.verified).toBe(false);
    expect(cambridgeshire?.sourceDate?.startsWith('2014')).toBe(true);
    expect(finder).toBeDefined();
  });
});

describe.each(CHANNELS)('SENDIASS hand-off on %s', (channel) => {
  it('gives checked details with their source and date, and whether the service is open now', async () => {
    const tool = await openTool(channel, { knowledge: withService(BARNET, TEST_SERVICE) });
    const asked = await tool.say('talk to a person');
    expect(asked.text).toContain(lines.get('ask-council'));
    const shown = await tool.say('Barnett');
    for (const detail of [TEST_SERVICE.name, '020 7946 0000', 'sendiass@example.org', 'https://example.org/sendiass', 'Monday to Friday, 9am to 5pm', 'Open now (until 5pm).']) {
      expect(shown.raw, detail).toContain(detail);
    }
    expect(shown.text).toContain('Barnet Test SENDIASS, details checked 20 November 2026');
    expect(shown.text).toContain('example.org/sendiass/contact-us');
    const staff = lines.get('staff-referral').replace(/\*\*/g, '').slice(0, 30);
    if (channel === 'msteams') expect(shown.text).toContain(staff);
    else expect(shown.text).not.toContain(staff);
  });

  it('gives the deploying council at once, with no question, and says when it next opens', async () => {
    const saturday = new Date('2026-11-28T12:00:00Z');
    const tool = await openTool(channel, { knowledge: withService(BARNET, TEST_SERVICE), councilCode: BARNET, now: () => saturday });
    const shown = await tool.say('Talk to someone');
    expect(shown.text).not.toContain(lines.get('ask-council'));
    expect(shown.raw).toContain('020 7946 0000');
    expect(shown.raw).toContain('Closed now. Next open Monday at 9am.');
    expect(shown.text).not.toContain(lines.get('choice-another-area'));
  });

  it('says term-time-only hours as such', async () => {
    const termTime: SendiassDetails = { ...TEST_SERVICE, hours: { text: 'Monday to Friday, 9am to 5pm, term time only', slots: TEST_SERVICE.hours?.slots, termTimeOnly: true } };
    const tool = await openTool(channel, { knowledge: withService(BARNET, termTime) });
    await tool.say('talk to a person');
    const shown = await tool.say('barnet');
    expect(shown.raw).toContain('Usually open now in term time (until 5pm).');
    expect(shown.raw).toContain('term time only');
  });

  it('gives the national finder, and no numbers, for a council with no details', async () => {
    const tool = await openTool(channel);
    await tool.say('talk to a person');
    const shown = await tool.say('Barnet');
    expect(shown.text).toContain(lines.get('unknown', channel, { council: 'Barnet' }));
    expect(shown.text).toContain(finder?.website);
    const all = channel === 'sms' ? `${shown.text}\n${(await tool.say('MORE')).text}` : shown.text;
    for (const name of ['IPSEA', 'Contact', 'SOS!SEN']) expect(all).toContain(name);
    expect(shown.raw).not.toMatch(PHONE_LIKE);
  });

  it('does not give unverified details (Cambridgeshire, from a 2014 leaflet): the national finder instead', async () => {
    const tool = await openTool(channel);
    await tool.say('talk to a person');
    const shown = await tool.say('cambs');
    expect(shown.text).toContain(lines.get('unverified', channel, { council: 'Cambridgeshire' }).slice(0, 60));
    expect(shown.text).toContain(finder?.website);
    expect(shown.raw).not.toContain('01223');
    expect(shown.raw).not.toContain('pps@cambridgeshire.gov.uk');
    expect(shown.raw).not.toMatch(PHONE_LIKE);
  });

  it('asks which council is meant when a name fits several, and takes a typed name there too', async () => {
    const tool = await openTool(channel);
    await tool.say('talk to a person');
    const which = await tool.say('kingston');
    expect(which.text).toContain(lines.get('ask-which'));
    expect(which.text).toContain('Kingston upon Hull');
    expect(which.text).toContain('Kingston upon Thames');
    const picked = await tool.say(channel === 'sms' ? '2' : 'Kingston upon Thames');
    expect(picked.text).toContain(lines.get('unknown', channel, { council: 'Kingston upon Thames' }));

    const again = await tool.say(lines.get('choice-another-area'));
    expect(again.text).toContain(lines.get('ask-council'));
    await tool.say('cheshire');
    const typed = await tool.say('Cheshire East');
    expect(typed.text).toContain(lines.get('unknown', channel, { council: 'Cheshire East' }));
  });

  it('asks again kindly once when no council matches, then gives the national finder', async () => {
    const tool = await openTool(channel);
    await tool.say('talk to a person');
    const first = await tool.say('Narnia');
    expect(first.text).toContain(lines.get('not-found', channel).slice(0, 40));
    expect(first.text).toContain(lines.get('ask-council'));
    const second = await tool.say('Atlantis');
    expect(second.text).toContain(lines.get('not-found-again'));
    expect(second.text).toContain(finder?.website);
  });

  it('is where "Talk to someone" on the menu and the offer of a person after two misses lead', async () => {
    const fromMenu = await openTool(channel);
    expect((await fromMenu.say(channel === 'sms' ? '6' : 'Talk to someone')).text).toContain(lines.get('ask-council'));

    const afterMisses = await openTool(channel);
    await afterMisses.say('blorp zxqv wibble');
    const offer = await afterMisses.say('flibbertigibbet quux');
    const human = content.messages.get('not-understood-choice-human');
    expect(offer.text).toContain(human);
    expect((await afterMisses.say(channel === 'sms' ? '1' : human)).text).toContain(lines.get('ask-council'));
  });
});
