// Turns a content topic into a reply: summary first, then the body in readable pieces, the source, related choices.
import type { Audience, Topic } from '../knowledge/types.js';
import type { Reply, ReplyBlock } from '../render/replyModel.js';
import { Targets, type OfferedChoice } from './choiceTargets.js';

export interface TopicReplyOptions {
  audience: Audience;
  /** "summary" shows the summary and source only; "answer" shows everything. */
  part?: 'summary' | 'answer';
  /** Titles of topics by id, for related choices. */
  titles: Map<string, string>;
}

/** Splits markdown into messages at blank lines, keeping each under a readable size and headings with their text. */
export function splitMarkdown(markdown: string, maxChars = 700): string[] {
  const paragraphs = markdown.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
  const pieces: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    const isHeading = /^#{1,6}\s/.test(paragraph);
    const joined = current ? `${current}\n\n${paragraph}` : paragraph;
    if (current && !/^#{1,6}\s[^\n]*$/.test(current) && (joined.length > maxChars || isHeading)) {
      pieces.push(current);
      current = paragraph;
    } else {
      current = joined;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** The answer blocks (summary, body, source) and up to three related topics the caller may offer as choices. */
export function buildTopicReply(topic: Topic, options: TopicReplyOptions): { reply: Reply; related: OfferedChoice[] } {
  const useStaff = options.audience === 'staff' && topic.staff !== undefined;
  const summary = useStaff ? (topic.staff?.summary ?? topic.summary) : topic.summary;
  const body = useStaff ? (topic.staff?.body ?? topic.body) : topic.body;
  const blocks: ReplyBlock[] = [{ type: 'text', markdown: summary }];
  if ((options.part ?? 'answer') === 'answer') {
    for (const piece of splitMarkdown(body)) blocks.push({ type: 'text', markdown: piece });
  }
  blocks.push({ type: 'sources', sources: topic.sources });
  const related = topic.related.slice(0, 3).flatMap((id) => {
    const title = options.titles.get(id);
    return title ? [{ title, value: title, target: Targets.topic(id) }] : [];
  });
  return { reply: { blocks, topicId: topic.id }, related };
}
