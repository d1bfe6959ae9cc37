// fast-check generators for the fuzz tests: hostile text, liberal-but-valid activities, broken activities and junk bodies.
import fc from 'fast-check';

/** Text that has broken chat software before: controls, direction tricks, combining floods, emoji, markup, script. */
const NASTY = [
  '\u0000', '\u0007', '\u001b[2J', '\u007f', '\r\n\r\n', '\t', '\u2028', '\u2029', '\ufeff', '\ufffd', '\u200b\u200c\u200d',
  '\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c',
  '👩‍👩‍👧‍👦', '🏳️‍🌈', '🤷🏽‍♀️', '🇬🇧', '\ud83d', '\ude00',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe src=javascript:alert(1)>',
  '"><b>', "'; DROP TABLE users; --", '{{7*7}}', '${7*7}', '%s%n%x', '../../../etc/passwd', '__proto__', 'constructor',
  '[click](javascript:alert(1))', '![x](https://evil.example/x.png)', '**', '__', '`', '```', '# ', '> ', '- ', '1. ', '|a|b|\n|-|-|',
  '<at>Guide</at>', '&lt;script&gt;', '&#60;', '\\', '\\n', 'null', 'undefined', 'NaN', '-1', '1e999',
  'Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳',
  'ﷺ', '𒐫', '﷽', 'ثم نفس سقطت وبالتحديد،, جزيرتي باستخدام', 'בְּרֵאשִׁית, בָּרָא', '田中さんにあげて下さい',
];

/** What parents really type, so generated conversations walk into flows, choices, tools and "forget me". */
const REAL = [
  'hello', 'hi', 'menu', 'help', 'back', 'stop', 'more', 'yes', 'no', '1', '2', '3', '4', '5', '9', '0', 'thanks', 'bye',
  'what is sen support', 'The four stages', 'Start with Assess', 'Review meetings', 'EHC assessment', 'Talk to someone',
  'what does a senco do', 'how do i ask for an ehc assessment', 'the council got my request on 3 March 2026',
  'my son is 7 and in year 3', 'forget me', 'Yes, delete it', 'No, keep it', 'write a letter', 'when is the deadline',
  'I think my child is being hurt', 'what is the graduated approach', 'disagree with school', 'sendiass near me',
];

const combiningFlood = fc.nat({ max: 3000 }).map((n) => `a${'\u0301'.repeat(n)}`);
const longText = fc.integer({ min: 1900, max: 2200 }).chain((n) => fc.constantFrom('why ', 'ü', '😀', '<b>').map((unit) => unit.repeat(Math.ceil(n / unit.length))));

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...REAL) },
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.constantFrom(...REAL), fc.string({ maxLength: 8 })), { maxLength: 8 }).map((parts) => parts.join(' ')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: combiningFlood },
  { weight: 1, arbitrary: longText },
);

const shortHostile = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 40 }));

const account = fc.record(
  { id: fc.oneof(fc.constantFrom('user-1', 'user-2', '29:teams-user', '+447700900123'), shortHostile), name: fc.oneof(shortHostile, fc.constant(null)), role: fc.constantFrom('user', 'bot', 'skill', '') },
  { requiredKeys: ['id'] },
);

const ACTIVITY_TYPES = ['message', 'message', 'message', 'message', 'message', 'conversationUpdate', 'event', 'typing', 'invoke', 'messageReaction', 'endOfConversation', 'installationUpdate', 'handoff', 'trace'];
const CHANNELS = ['webchat', 'msteams', 'sms', 'emulator', 'directline', 'slack', 'test'];

const timestamp = fc.oneof(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), fc.constant('2026-11-23T10:15:01.91+00:00'));

const entity = fc.oneof(
  fc.record({ type: fc.constant('mention'), text: shortHostile, mentioned: account }),
  fc.record({ type: fc.constant('clientInfo'), locale: shortHostile, country: shortHostile, platform: shortHostile }),
  fc.record({ type: shortHostile, anything: fc.jsonValue({ maxDepth: 2 }) }),
);

/**
 * An activity the validator must accept: every field it pins is the right type and within bounds; everything else
 * is as odd as possible. Replies always come back in the response (expectReplies), so the bot never calls out.
 */
export function validActivity(conversationPool: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record(
      {
        type: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...ACTIVITY_TYPES) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) }),
        channelId: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CHANNELS) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) }),
        conversation: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...conversationPool) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 60 }) }).map((id) => ({ id })),
        from: account,
        recipient: account,
        text: hostileText,
        id: fc.string({ maxLength: 40 }),
        locale: fc.oneof(fc.constantFrom('en-GB', 'en-US', 'cy-GB', 'ar-SA', 'zz', ''), fc.string({ maxLength: 20 })),
        textFormat: fc.constantFrom('plain', 'markdown', 'xml', 'bogus'),
        timestamp,
        localTimestamp: timestamp,
        entities: fc.array(entity, { maxLength: 4 }),
        value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileText.map((value) => ({ value }))),
        channelData: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ tenant: fc.record({ id: shortHostile }), clientActivityID: shortHostile })),
        membersAdded: fc.array(account, { maxLength: 4 }),
        attachments: fc.array(fc.record({ contentType: fc.constantFrom('image/png', 'text/html', 'application/vnd.microsoft.card.adaptive', 'x'), content: fc.jsonValue({ maxDepth: 2 }), name: shortHostile }), { maxLength: 3 }),
        name: fc.string({ maxLength: 30 }),
      },
      { requiredKeys: ['type', 'channelId', 'conversation', 'from', 'recipient'] },
    )
    .map((activity) => {
      // The validator (rightly) wants text alongside a mention, because botbuilder strips mentions from the text.
      const hasMention = Array.isArray(activity.entities) && activity.entities.some((e) => e.type.toLowerCase() === 'mention');
      return { ...activity, ...(hasMention && activity.text === undefined ? { text: '' } : {}), deliveryMode: 'expectReplies' };
    });
}

/** A valid activity with one field replaced by anything at all, or removed. The answer must be 200 or 400, never 5xx. */
export function brokenActivity(conversationPool: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const fields = ['type', 'channelId', 'conversation', 'from', 'recipient', 'text', 'entities', 'membersAdded', 'timestamp', 'attachments', 'serviceUrl', 'locale', 'deliveryMode'];
  return fc.tuple(validActivity(conversationPool), fc.constantFrom(...fields), fc.option(fc.anything({ maxDepth: 2, withNullPrototype: false }), { nil: undefined })).map(([activity, field, value]) => {
    const copy: Record<string, unknown> = { ...activity };
    if (value === undefined) delete copy[field];
    else copy[field] = value;
    return copy;
  });
}

/** Bodies that are not activities at all: raw text, JSON of any shape. */
export const junkBody: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
  fc.constantFrom('', '{', '[]', '{"type":', 'null', '"message"', '{"type":"message"}', '\u0000'),
);

/** What a Direct Line client might post: mostly plausible activities, some broken ones. The service fixes identity fields. */
export const directLineBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        type: fc.constantFrom('message', 'message', 'message', 'event', 'typing', 'invoke', 'conversationUpdate'),
        text: hostileText,
        from: account,
        locale: fc.oneof(fc.constantFrom('en-GB', 'zz'), fc.string({ maxLength: 12 })),
        textFormat: fc.constantFrom('plain', 'markdown', 'xml'),
        channelData: fc.jsonValue({ maxDepth: 3 }),
        value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileText.map((value) => ({ value }))),
        entities: fc.array(entity, { maxLength: 3 }),
        name: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: ['type'] },
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);
