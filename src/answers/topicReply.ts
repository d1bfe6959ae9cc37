// Turns a content topic into a reply: summary first, then the body, the source, and related topics to offer.
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

/** The answer blocks (summary, body, source) and up to three related topics the caller may offer as choices. */
export function buildTopicReply(topic: Topic, options: TopicReplyOptions): { reply: Reply; related: OfferedChoice[] } {
  const useStaff = options.audience === 'staff' && topic.staff !== undefined;
  const summary = useStaff ? (topic.staff?.summary ?? topic.summary) : topic.summary;
  const body = useStaff ? (topic.staff?.body ?? topic.body) : topic.body;
  const blocks: ReplyBlock[] = [{ type: 'text', markdown: summary }];
  // The renderers split a long body into readable messages to each channel's own limits.
  if ((options.part ?? 'answer') === 'answer') blocks.push({ type: 'text', markdown: body });
  blocks.push({ type: 'sources', sources: topic.sources });
  const related = topic.related.slice(0, 3).flatMap((id) => {
    const title = options.titles.get(id);
    return title ? [{ title, value: title, target: Targets.topic(id) }] : [];
  });
  return { reply: { blocks, topicId: topic.id }, related };
}
