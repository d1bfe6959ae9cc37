// Rules across files that the bot needs to hold before it can run: unique ids and references that point at something real.
import type { ContentProblem } from './contentProblem.js';
import type { ParsedContent } from './parseContent.js';

function duplicates<T>(items: T[], keyOf: (item: T) => string): Array<{ item: T; first: T }> {
  const seen = new Map<string, T>();
  const found: Array<{ item: T; first: T }> = [];
  for (const item of items) {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, item);
    else found.push({ item, first });
  }
  return found;
}

export function uniqueIds(content: ParsedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { item, first } of duplicates(content.topics, (t) => t.id)) {
    problems.push({ file: item.file, field: 'id', message: `"${item.id}" is already the id of ${first.file}`, fix: 'Give each topic its own id, matching its file name', rule: 'unique-ids' });
  }
  for (const { item, first } of duplicates(content.flows, (f) => f.id)) {
    problems.push({ file: item.file, field: 'id', message: `"${item.id}" is already the id of the flow in ${first.file}`, fix: 'Give each flow its own id', rule: 'unique-ids' });
  }
  for (const { item, first } of duplicates(content.intents, (i) => i.intent)) {
    problems.push({ file: item.file, field: 'intent', message: `"${item.intent}" is already declared in ${first.file}`, fix: 'Keep one file per intent: move these examples into that file', rule: 'unique-ids' });
  }
  const services = content.nationalServices;
  if (services) {
    for (const { item } of duplicates(services.services.map((s, index) => ({ s, index })), ({ s }) => s.id)) {
      problems.push({ file: services.file, field: `${item.index}.id`, message: `"${item.s.id}" is used by more than one service`, fix: 'Give each national service its own id', rule: 'unique-ids' });
    }
  }
  for (const { item, first } of duplicates(content.councils, (c) => c.record.code)) {
    problems.push({ file: item.file, field: 'code', message: `${item.record.code} is already the code in ${first.file}`, fix: 'Keep one file per council; merge the two files', rule: 'unique-ids' });
  }
  return problems;
}

/** A topic whose file exists but failed its schema already has its own problem; referring to it is not a second one. */
function topicIsKnown(content: ParsedContent): (id: string) => boolean {
  const ids = new Set([...content.topics.map((t) => t.id), ...content.topicFileIds]);
  return (id) => ids.has(id);
}

export function relatedTopicsExist(content: ParsedContent): ContentProblem[] {
  const known = topicIsKnown(content);
  return content.topics.flatMap((topic) =>
    topic.related.flatMap((related, index): ContentProblem[] => {
      if (related === topic.id) {
        return [{ file: topic.file, field: `related.${index}`, message: 'lists the topic itself', fix: 'Remove it: related lists other topics', rule: 'related-exists' }];
      }
      if (!known(related)) {
        return [{ file: topic.file, field: `related.${index}`, message: `"${related}" is not a topic (no content/topics/${related}.md)`, fix: 'Correct the id, or remove it from related', rule: 'related-exists' }];
      }
      return [];
    }),
  );
}

export function glossaryReferencesExist(content: ParsedContent): ContentProblem[] {
  const glossary = content.glossary;
  if (!glossary) return [];
  const known = topicIsKnown(content);
  const problems: ContentProblem[] = [];
  glossary.entries.forEach((entry, index) => {
    if (entry.topic !== undefined && !known(entry.topic)) {
      problems.push({ file: glossary.file, field: `${index}.topic`, message: `"${entry.topic}" (for "${entry.term}") is not a topic`, fix: 'Use the id of an existing topic, or remove the topic line', rule: 'glossary-topic-exists' });
    }
  });
  for (const { item } of duplicates(glossary.entries.map((entry, index) => ({ entry, index })), ({ entry }) => entry.term.trim().toLowerCase())) {
    problems.push({ file: glossary.file, field: `${item.index}.term`, message: `"${item.entry.term}" is in the glossary more than once`, fix: 'Keep one entry per term', rule: 'glossary-unique-terms' });
  }
  return problems;
}

/** Every rule that makes content unusable; loadKnowledge refuses content that breaks any of them. */
export const INTEGRITY_RULES = [uniqueIds, relatedTopicsExist, glossaryReferencesExist];

export function checkIntegrity(content: ParsedContent): ContentProblem[] {
  return INTEGRITY_RULES.flatMap((rule) => rule(content));
}
