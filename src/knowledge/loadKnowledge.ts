// Loads the content folder into the in-memory KnowledgeBase, refusing content that is invalid and listing every problem.
import { stat } from 'node:fs/promises';
import { readContentFiles } from './contentFiles.js';
import { ContentError } from './contentProblem.js';
import { checkIntegrity } from './integrityRules.js';
import { parseContent } from './parseContent.js';
import type { KnowledgeBase } from './types.js';

export interface LoadOptions {
  /** yyyy-mm-dd; dates after it are "in the future". Defaults to today. */
  today?: string;
}

/**
 * Reads and validates topics, glossary, services, intents and flows. Throws ContentError with every schema and
 * reference problem. Editorial rules (readability, required topics, rights floor) are the content check's job
 * (npm run content:check), so a wordy sentence never stops the bot starting.
 */
export async function loadKnowledge(contentDir: string, options: LoadOptions = {}): Promise<KnowledgeBase> {
  const found = await stat(contentDir).catch(() => undefined);
  if (!found?.isDirectory()) {
    throw new ContentError([
      { file: contentDir, field: '(folder)', message: 'is not a folder', fix: 'Point CONTENT_DIR (or the argument) at the content folder of the project', rule: 'content-folder' },
    ]);
  }
  const files = await readContentFiles(contentDir);
  const { content, problems } = parseContent(files, options);
  problems.push(...checkIntegrity(content));
  if (problems.length > 0) throw new ContentError(problems);

  return {
    topics: new Map(content.topics.map((topic) => [topic.id, topic])),
    glossary: content.glossary?.entries ?? [],
    councils: content.councils.map((c) => c.record),
    nationalServices: content.nationalServices?.services ?? [],
    intentExamples: new Map(content.intents.map((i) => [i.intent, i.examples])),
    flows: new Map(content.flows.map((f) => [f.id, f.flow])),
  };
}
