// The main menu as a reply: the prompt and one choice per menu item from content/menu.yaml.
import type { Menu } from '../knowledge/conversationContent.js';
import type { Reply, ReplyBlock } from '../render/replyModel.js';
import type { OfferedChoice } from './choiceTargets.js';

export function buildMenuReply(menu: Menu, before: ReplyBlock[] = []): { reply: Reply; choices: OfferedChoice[] } {
  const choices: OfferedChoice[] = menu.items.map((item) => ({ title: item.title, value: item.title, target: item.target }));
  return {
    reply: { blocks: [...before, { type: 'choices', prompt: menu.prompt, choices: choices.map(({ title, value }) => ({ title, value })) }] },
    choices,
  };
}
