// Reads the content folder's files into memory (the only file I/O of the knowledge layer apart from the council generator).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ContentFile {
  /** Path for messages: relative to the working directory when inside it, e.g. "content/topics/senco.md". */
  file: string;
  text: string;
}

/** Everything under a content folder that the knowledge layer reads; optional files are undefined when absent. */
export interface ContentFiles {
  topics: ContentFile[];
  glossary?: ContentFile;
  nationalServices?: ContentFile;
  councils: ContentFile[];
  intents: ContentFile[];
  flows: ContentFile[];
}

/** Where each kind of content lives inside the content folder. */
export const CONTENT_LAYOUT = {
  topics: 'topics',
  glossary: 'glossary.yaml',
  nationalServices: 'services/national.yaml',
  councils: 'services/councils',
  intents: 'intents',
  flows: 'flows',
} as const;

export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

async function readOptional(absolute: string): Promise<ContentFile | undefined> {
  try {
    return { file: displayPath(absolute), text: await readFile(absolute, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Files in a folder with one of the extensions, sorted by name so problems always come out in the same order. */
async function readFolder(folder: string, extensions: string[]): Promise<ContentFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const wanted = names.filter((name) => extensions.some((ext) => name.endsWith(ext)) && !name.startsWith('.')).sort();
  return Promise.all(wanted.map(async (name) => ({ file: displayPath(path.join(folder, name)), text: await readFile(path.join(folder, name), 'utf8') })));
}

export async function readContentFiles(contentDir: string): Promise<ContentFiles> {
  const at = (relative: string) => path.join(contentDir, relative);
  const [topics, glossary, nationalServices, councils, intents, flows] = await Promise.all([
    readFolder(at(CONTENT_LAYOUT.topics), ['.md']),
    readOptional(at(CONTENT_LAYOUT.glossary)),
    readOptional(at(CONTENT_LAYOUT.nationalServices)),
    readFolder(at(CONTENT_LAYOUT.councils), ['.yaml', '.yml']),
    readFolder(at(CONTENT_LAYOUT.intents), ['.yaml', '.yml']),
    readFolder(at(CONTENT_LAYOUT.flows), ['.yaml', '.yml']),
  ]);
  return { topics, glossary, nationalServices, councils, intents, flows };
}
