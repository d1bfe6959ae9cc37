import { it } from 'vitest';
import { startConversation } from '../support/guideHarness.js';
import type { ChannelKind } from '../../src/render/replyModel.js';
const runs: Array<[ChannelKind, string[]]> = [
  ['webchat', ['I sent my EHC request on 3 March 2026, when will I hear?']],
  ['sms', ['hi', 'I sent my EHC request on 3 March 2026, when will I hear?', 'MORE']],
  ['webchat', ['EHC assessment', 'Work out the dates', 'The council said no', '1 October 2026', 'No certificate yet']],
  ['msteams', ['Review meetings', 'Make a question list', 'No, we\'ve had one', 'Friendships', 'Behaviour', "That's all", 'Read 10 words a day']],
  ['sms', ['hi', 'Review meetings', '2', '1', '3', '8', 'skip', 'MORE']],
  ['webchat', ['talk to a person', 'kingston', 'Kingston upon Thames', 'Another area', 'cambs', 'Another area', 'zzzz', 'qqqq']],
  ['msteams', ['talk to a person', 'barnet']],
];
for (const [ch, turns] of runs) it('probe '+ch+turns[0], async () => {
  const c = await startConversation(ch, { now: () => new Date('2026-11-23T10:00:00Z') });
  if (ch !== 'sms') await c.open();
  for (const t of turns) {
    const r = await c.say(t);
    console.log('>>', t, '\n', ch === 'sms' ? r.map(a => '[SMS] ' + a.text).join('\n') : c.readable(r));
  }
});
