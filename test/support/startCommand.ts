// The node command line `npm start` runs once its build step is done, read from package.json so tests and the
// benchmark start the server exactly as operators do.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function npmStartCommand(): { node: string; args: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.start ?? '';
  const [program, ...args] = script.trim().split(/\s+/);
  if (program !== 'node' || args.length === 0) throw new Error(`npmStartCommand(): package.json scripts.start should be "node <flags> <file>", found "${script}"`);
  return { node: process.execPath, args };
}
