// Where an offered choice leads, written the same way in flows and in code: "topic:<id>", "flow:<id>", "tool:<id>", ...
import type { Choice } from '../render/replyModel.js';

/** A choice as the conversation remembers it: what the person sees and where it leads. */
export interface OfferedChoice extends Choice {
  target: string;
  synonyms?: string[];
}

export const Targets = {
  topic: (id: string) => `topic:${id}`,
  flow: (id: string) => `flow:${id}`,
  tool: (id: string) => `tool:${id}`,
  step: (id: string) => `step:${id}`,
  menu: 'menu',
  help: 'help',
  human: 'tool:sendiass',
  carryOn: 'carry-on',
  forgetMeYes: 'forget-me:yes',
  forgetMeNo: 'forget-me:no',
  feedbackYes: 'feedback:yes',
  feedbackNo: 'feedback:no',
} as const;

export function parseTarget(target: string): { kind: string; id: string } {
  const colon = target.indexOf(':');
  return colon === -1 ? { kind: target, id: '' } : { kind: target.slice(0, colon), id: target.slice(colon + 1) };
}
