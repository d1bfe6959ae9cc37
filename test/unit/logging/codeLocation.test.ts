// Runs a bundle in plain node (vitest would rewrite the stack itself), as `npm start` runs the server's bundle.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'code-location-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bundles a small project that throws, with the real codeLocation, and returns what it logs for the error. */
async function whereInBundle(withMap: boolean): Promise<string> {
  mkdirSync(path.join(dir, 'src', 'bot'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'bot', 'failing.ts'), "// a comment line\nexport function fail(): void {\n  throw new Error('turn failed');\n}\n");
  writeFileSync(
    path.join(dir, 'src', 'index.ts'),
    `import { codeLocation } from ${JSON.stringify(path.resolve('src/logging/codeLocation.ts'))};\nimport { fail } from './bot/failing.js';\ntry { fail(); } catch (error) { process.stdout.write(String(codeLocation(error as Error))); }\n`,
  );
  const out = path.join(dir, withMap ? 'with-map' : 'no-map', 'server.mjs');
  await build({ entryPoints: [path.join(dir, 'src', 'index.ts')], outfile: out, bundle: true, format: 'esm', platform: 'node', sourcemap: withMap ? 'linked' : false, sourcesContent: false, logLevel: 'error' });
  return execFileSync(process.execPath, [out], { encoding: 'utf8' });
}

describe('codeLocation', () => {
  it('maps a position in the bundle back to the TypeScript file and line that threw', async () => {
    expect(await whereInBundle(true)).toBe('src/bot/failing.ts:3:9');
  });

  it('falls back to the position in the bundle when there is no source map', async () => {
    expect(await whereInBundle(false)).toMatch(/server\.mjs:\d+:\d+$/);
  });
});
