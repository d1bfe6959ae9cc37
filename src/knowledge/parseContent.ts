// Validates every content file against its schema and returns the usable records with every problem found (no I/O).
import path from 'node:path';
import type { ContentFile, ContentFiles } from './contentFiles.js';
import type { ContentProblem } from './contentProblem.js';
import { flowSchema } from './flowSchema.js';
import { GLOSSARY_ENTRY_FIELDS, glossarySchema } from './glossarySchema.js';
import { INTENT_FILE_FIELDS, intentExamplesSchema } from './intentExamplesSchema.js';
import { parseTopicFile } from './parseTopicFile.js';
import { createTopicFrontMatterSchema } from './topicSchema.js';
import { parseYaml } from './parseYaml.js';
import { COUNCIL_FIELDS, createCouncilSchema, createNationalServicesSchema, NATIONAL_SERVICE_FIELDS } from './servicesSchema.js';
import type { CouncilRecord, GlossaryEntry, NationalService, Topic } from './types.js';
import { validate } from './zodProblems.js';
import { todayIso } from './fieldSchemas.js';

/** Content that passed its schema, each record remembering its file so later rules can name it. */
export interface ParsedContent {
  topics: Topic[];
  /** Ids of every topic file by file name, valid or not, so a reference to an invalid topic is not called missing. */
  topicFileIds: string[];
  glossary?: { file: string; entries: GlossaryEntry[] };
  nationalServices?: { file: string; services: NationalService[] };
  councils: Array<{ file: string; record: CouncilRecord }>;
  intents: Array<{ file: string; intent: string; examples: string[] }>;
  flows: Array<{ file: string; id: string; flow: Record<string, unknown> }>;
}

export interface ParseOptions {
  /** yyyy-mm-dd; dates after it are "in the future". Defaults to today. */
  today?: string;
}

function yamlThen<T>(source: ContentFile, problems: ContentProblem[], use: (data: unknown) => T | undefined): T | undefined {
  const parsed = parseYaml(source.text, source.file);
  problems.push(...parsed.problems);
  if (parsed.problems.length > 0) return undefined;
  if (parsed.data === null || parsed.data === undefined) {
    problems.push({ file: source.file, field: '(file)', message: 'is empty', fix: 'Add its content, or delete the file', rule: 'yaml' });
    return undefined;
  }
  return use(parsed.data);
}

export function parseContent(files: ContentFiles, options: ParseOptions = {}): { content: ParsedContent; problems: ContentProblem[] } {
  const today = options.today ?? todayIso();
  const problems: ContentProblem[] = [];
  const content: ParsedContent = { topics: [], topicFileIds: files.topics.map((f) => path.basename(f.file, '.md')), councils: [], intents: [], flows: [] };

  const topicSchema = createTopicFrontMatterSchema({ today });
  for (const source of files.topics) {
    const result = parseTopicFile(source.file, source.text, { schema: topicSchema });
    problems.push(...result.problems);
    if (result.topic) content.topics.push(result.topic);
  }

  if (files.glossary) {
    const source = files.glossary;
    const entries = yamlThen(source, problems, (data) => {
      const checked = validate(glossarySchema, data, source.file, 'glossary-schema', GLOSSARY_ENTRY_FIELDS);
      problems.push(...checked.problems);
      return checked.data;
    });
    if (entries) content.glossary = { file: source.file, entries };
  }

  if (files.nationalServices) {
    const source = files.nationalServices;
    const services = yamlThen(source, problems, (data) => {
      const checked = validate(createNationalServicesSchema(today), data, source.file, 'services-schema', NATIONAL_SERVICE_FIELDS);
      problems.push(...checked.problems);
      return checked.data;
    });
    if (services) content.nationalServices = { file: source.file, services };
  }

  const councilSchema = createCouncilSchema(today);
  for (const source of files.councils) {
    const record = yamlThen(source, problems, (data) => {
      const checked = validate(councilSchema, data, source.file, 'services-schema', COUNCIL_FIELDS);
      problems.push(...checked.problems);
      return checked.data;
    });
    if (record) content.councils.push({ file: source.file, record });
  }

  for (const source of files.intents) {
    const intent = yamlThen(source, problems, (data) => {
      const checked = validate(intentExamplesSchema, data, source.file, 'intent-schema', INTENT_FILE_FIELDS);
      problems.push(...checked.problems);
      return checked.data;
    });
    if (intent) content.intents.push({ file: source.file, intent: intent.intent, examples: intent.examples });
  }

  for (const source of files.flows) {
    const flow = yamlThen(source, problems, (data) => {
      const checked = validate(flowSchema, data, source.file, 'flow-schema');
      problems.push(...checked.problems);
      return checked.data;
    });
    if (flow) content.flows.push({ file: source.file, id: flow.id, flow });
  }

  return { content, problems };
}
