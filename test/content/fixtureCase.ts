// Builds a content folder for one broken-fixture case: the valid fixture, overlaid with the case's files, minus its DELETE list.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/content');
export const VALID_TOPIC_IDS = ['sen-support', 'ehc-request', 'senco'];
/** The fixtures' own "today", so date rules do not drift as real time passes. */
export const FIXTURE_TODAY = '2026-11-23';

export async function materialiseCase(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `content-${name}-`));
  await cp(path.join(FIXTURES, 'valid'), dir, { recursive: true });
  if (name !== 'valid') {
    await cp(path.join(FIXTURES, name), dir, { recursive: true, filter: (source) => path.basename(source) !== 'DELETE' });
    const deletions = await readFile(path.join(FIXTURES, name, 'DELETE'), 'utf8').catch(() => '');
    for (const relative of deletions.split('\n').map((line) => line.trim()).filter(Boolean)) {
      await rm(path.join(dir, relative));
    }
  }
  return dir;
}

export async function removeCase(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
