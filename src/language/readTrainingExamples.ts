// Reads the classifier's training examples straight from content/ (topic front matter and content/intents/*.yaml),
// for the command-line tools and tests that run without the full knowledge base.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KnowledgeBase } from '../knowledge/types.js';
import { DEFAULT_CONTENT_DIR } from './contentDir.js';

/** intent -> examples: every topic id with its `examples`, then every control intent and "none". */
export function readTrainingExamples(contentDir: string = DEFAULT_CONTENT_DIR): Map<string, string[]> {
  const examples = new Map<string, string[]>();
  for (const [id, list] of readTopicExamples(join(contentDir, 'topics'))) examples.set(id, list);
  for (const [intent, list] of readIntentExamples(join(contentDir, 'intents'))) {
    if (examples.has(intent)) {
      throw new Error(`readTrainingExamples(): intent "${intent}" is both a topic and a control intent because content/intents/${intent}.yaml and content/topics/${intent}.md share an id. Rename one.`);
    }
    examples.set(intent, list);
  }
  return examples;
}

/** The same map from an already loaded knowledge base. */
export function trainingExamplesFrom(kb: Pick<KnowledgeBase, 'topics' | 'intentExamples'>): Map<string, string[]> {
  const examples = new Map<string, string[]>();
  for (const [id, topic] of kb.topics) examples.set(id, topic.examples);
  for (const [intent, list] of kb.intentExamples) examples.set(intent, list);
  return examples;
}

export function readTopicExamples(topicsDir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of listFiles(topicsDir, '.md')) {
    const file = join(topicsDir, name);
    const text = readFileSync(file, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!match) continue; // A file being written right now may not have its front matter yet.
    let data: unknown;
    try {
      data = parse(match[1] as string);
    } catch {
      continue;
    }
    const record = data as { id?: unknown; examples?: unknown } | null;
    const id = typeof record?.id === 'string' ? record.id : name.replace(/\.md$/, '');
    const list = Array.isArray(record?.examples) ? record.examples.filter((e): e is string => typeof e === 'string') : [];
    if (list.length > 0) out.set(id, list);
  }
  return out;
}

export function readIntentExamples(intentsDir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of listFiles(intentsDir, '.yaml')) {
    if (name.startsWith('_')) continue;
    const file = join(intentsDir, name);
    let data: unknown;
    try {
      data = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`readIntentExamples(): ${file} is not valid YAML because ${(error as Error).message}. Fix the file.`);
    }
    const record = data as { intent?: unknown; examples?: unknown } | null;
    if (typeof record?.intent !== 'string' || !Array.isArray(record.examples)) {
      throw new Error(`readIntentExamples(): ${file} needs "intent: <name>" and an "examples:" list. Add them.`);
    }
    out.set(record.intent, record.examples.map((e) => String(e)));
  }
  return out;
}

function listFiles(dir: string, extension: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith(extension))
      .sort();
  } catch {
    return [];
  }
}
