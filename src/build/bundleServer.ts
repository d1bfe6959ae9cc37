// `npm run build` (and so `npm start`): bundles the server and its libraries into one ES module for plain node.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { projectPath } from '../projectRoot.js';

/**
 * Why a bundle: run from source, start-up spent most of its time resolving, reading and compiling thousands of small
 * library files (through tsx's loader, and node's check of every CommonJS file imported from an ES module); one file
 * starts in a fraction of that. It lives in node_modules/.cache because it is rebuilt from source on every start,
 * and so never needs committing or cleaning.
 */
export const SERVER_BUNDLE = projectPath('node_modules', '.cache', 'sen-support-guide', 'server.mjs');

/**
 * better-sqlite3 is a compiled addon, loaded from its own folder; dtrace-provider is restify's optional addon.
 * They, and anything loaded with createRequire at run time, stay in node_modules.
 */
const LEFT_IN_NODE_MODULES = ['better-sqlite3', 'dtrace-provider'];

export async function bundleServer(outfile = SERVER_BUNDLE): Promise<{ outfile: string; bytes: number; ms: number }> {
  const started = performance.now();
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await build({
    entryPoints: [projectPath('src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: LEFT_IN_NODE_MODULES,
    // The libraries are CommonJS and call require(); an ES module has no require of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    // Error locations in the logs point at src/ and dialogs/ lines (node --enable-source-maps in `npm start`).
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  return { outfile, bytes, ms: performance.now() - started };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  bundleServer().then(
    ({ outfile, bytes, ms }) => process.stderr.write(`build: ${path.relative(process.cwd(), outfile)} (${(bytes / 1048576).toFixed(1)} MB) in ${(ms / 1000).toFixed(1)} s\n`),
    (error: unknown) => {
      process.stderr.write(`build: the server bundle could not be built: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
