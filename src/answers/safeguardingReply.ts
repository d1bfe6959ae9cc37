// Builds the help shown first when the safeguarding detector fires, fitted to the kind of risk and the audience.
import type { Audience } from '../knowledge/types.js';
import type { SafeguardingResponses } from '../knowledge/safeguardingResponses.js';
import type { SafeguardingSignal } from '../language/types.js';
import type { Reply } from '../render/replyModel.js';
import { Targets, type OfferedChoice } from './choiceTargets.js';

export interface SafeguardingReplyOptions {
  audience: Audience;
  /** The deploying council's children's social care contact, when the directory has it. */
  councilContact?: string;
  menuTitle: string;
}

export function buildSafeguardingReply(signal: SafeguardingSignal, responses: SafeguardingResponses, options: SafeguardingReplyOptions): { reply: Reply; choices: OfferedChoice[] } {
  const keys = [...responses.categories[signal.category]];
  // School staff have a statutory route: their Designated Safeguarding Lead comes before anything else.
  if (options.audience === 'staff') keys.unshift('staff');
  const lines = keys.map((key) => {
    if (key === 'council') {
      return options.councilContact ? (responses.lines.council ?? '').replace('{councilContact}', options.councilContact) : (responses.lines['council-unknown'] ?? '');
    }
    return responses.lines[key] ?? '';
  });
  const choices: OfferedChoice[] = [
    { title: responses['carry-on-choice'], value: responses['carry-on-choice'], target: Targets.carryOn },
    { title: options.menuTitle, value: options.menuTitle, target: Targets.menu },
  ];
  return {
    reply: {
      blocks: [
        { type: 'text', markdown: responses.intro },
        { type: 'text', markdown: lines.map((line) => `- ${line}`).join('\n') },
        { type: 'choices', prompt: responses['carry-on'], choices: choices.map(({ title, value }) => ({ title, value })) },
      ],
      urgent: true,
    },
    choices,
  };
}
