// Every content rule as one pure function: schema, integrity and editorial problems plus a readability report per topic.
import type { ContentFiles } from './contentFiles.js';
import type { ContentProblem } from './contentProblem.js';
import { examplesUnique, readabilityWithinLimits, requiredFilesPresent, requiredTopicsPresent, rightsFloorStated, type MeasuredBody } from './editorialRules.js';
import { checkIntegrity } from './integrityRules.js';
import { parseContent, type ParsedContent } from './parseContent.js';
import { measureMarkdown } from './readability.js';
import { REQUIRED_TOPIC_IDS } from './requiredTopics.js';
import { checkFlow } from './checkFlows.js';
import { flowSchema } from './flowSchema.js';
import { TOOL_IDS } from './toolIds.js';

export interface TopicReport {
  id: string;
  audience: 'parent' | 'staff';
  file: string;
  words: number;
  sentences: number;
  readingEase: number;
  grade: number;
  longestSentence: number;
  averageSentenceLength: number;
  examples: number;
}

export interface CheckResult {
  problems: ContentProblem[];
  reports: TopicReport[];
  counts: { topics: number; glossary: number; councils: number; nationalServices: number; intents: number; flows: number };
  content: ParsedContent;
}

export interface CheckOptions {
  /** yyyy-mm-dd; dates after it are "in the future". Defaults to today. */
  today?: string;
  requiredTopicIds?: readonly string[];
  /** How the content folder is named in messages about files that do not exist, e.g. "content". */
  contentLabel?: string;
}

export function measureBodies(content: ParsedContent): MeasuredBody[] {
  return content.topics.flatMap((topic) => {
    const bodies: MeasuredBody[] = [{ topicId: topic.id, file: topic.file, field: 'body', report: measureMarkdown(topic.body) }];
    if (topic.staff) bodies.push({ topicId: topic.id, file: topic.file, field: 'staff.body', report: measureMarkdown(topic.staff.body) });
    return bodies;
  });
}

/** Flows that pass their schema, checked against the topics, the other flows and the tools that exist. */
function flowProblems(content: ParsedContent): ContentProblem[] {
  const refs = {
    // A topic file that fails its schema is reported once, there, not again by every flow that names it.
    topicIds: new Set([...content.topics.map((topic) => topic.id), ...content.topicFileIds]),
    flowIds: new Set(content.flows.map((flow) => flow.id)),
    toolIds: new Set<string>(TOOL_IDS),
  };
  return content.flows.flatMap(({ file, flow }) => {
    const parsed = flowSchema.safeParse(flow);
    return parsed.success ? checkFlow(parsed.data, file, refs) : [];
  });
}

export function checkContent(files: ContentFiles, options: CheckOptions = {}): CheckResult {
  const contentLabel = options.contentLabel ?? 'content';
  const { content, problems: schemaProblems } = parseContent(files, { today: options.today });
  const bodies = measureBodies(content);
  const problems = [
    ...schemaProblems,
    ...checkIntegrity(content),
    ...requiredFilesPresent(content, { contentLabel, hasGlossary: files.glossary !== undefined, hasNational: files.nationalServices !== undefined }),
    ...requiredTopicsPresent(content, { requiredTopicIds: options.requiredTopicIds ?? REQUIRED_TOPIC_IDS, contentLabel }),
    ...examplesUnique(content),
    ...readabilityWithinLimits(bodies),
    ...rightsFloorStated(bodies),
    ...flowProblems(content),
  ];
  const examplesById = new Map(content.topics.map((t) => [t.id, t.examples.length]));
  const reports = bodies.map(({ topicId, file, field, report }): TopicReport => ({
    id: topicId,
    audience: field === 'body' ? 'parent' : 'staff',
    file,
    words: report.words,
    sentences: report.sentences,
    readingEase: report.readingEase,
    grade: report.grade,
    longestSentence: report.longestSentence.words,
    averageSentenceLength: report.averageSentenceLength,
    examples: examplesById.get(topicId) ?? 0,
  }));
  return {
    problems,
    reports,
    counts: {
      topics: content.topics.length,
      glossary: content.glossary?.entries.length ?? 0,
      councils: content.councils.length,
      nationalServices: content.nationalServices?.services.length ?? 0,
      intents: content.intents.length,
      flows: content.flows.length,
    },
    content,
  };
}
