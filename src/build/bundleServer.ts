// `npm run build` (and so `npm start`): bundles the server and its libraries into one ES module for plain node.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { projectPath } from '../projectRoot.js';
import { startupCacheDirectory } from '../startupCache/startupCacheDirectory.js';

/**
 * Why a bundle: run from source, start-up spent most of its time resolving, reading and compiling thousands of small
 * library files (through tsx's loader, and node's check of every CommonJS file imported from an ES module); one file
 * starts in a fraction of that. It lives in node_modules/.cache because it is rebuilt from source on every start,
 * and so never needs committing or cleaning.
 */
const BUNDLE_DIR = path.join(startupCacheDirectory(), 'server');
export const SERVER_BUNDLE = path.join(BUNDLE_DIR, 'server.mjs');

/**
 * better-sqlite3 is a compiled addon, loaded from its own folder; dtrace-provider is restify's optional addon.
 * They, and anything loaded with createRequire at run time, stay in node_modules.
 */
const LEFT_IN_NODE_MODULES = ['better-sqlite3', 'dtrace-provider'];

export async function bundleServer(): Promise<{ outfile: string; bytes: number; ms: number }> {
  const started = performance.now();
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const result = await build({
    entryPoints: { server: projectPath('src', 'index.ts') },
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
    // Code loaded with import() only when configured (Azure Blob storage) goes in its own file, read only then.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: LEFT_IN_NODE_MODULES,
    // The libraries are CommonJS and call require(); an ES module has no require of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    // Read only when an error is logged, to name the src/ or dialogs/ line (src/logging/codeLocation.ts).
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  removeOldChunks(new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(file))));
  return { outfile: SERVER_BUNDLE, bytes, ms: performance.now() - started };
}

/**
 * Chunk names change with their contents, so old ones would pile up. They are removed only once a day old: a server
 * still running from the previous build may yet load one of its chunks.
 */
function removeOldChunks(current: Set<string>): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(BUNDLE_DIR)) {
    const file = path.join(BUNDLE_DIR, name);
    if (!current.has(file) && !current.has(file.replace(/\.map$/, '')) && statSync(file).mtimeMs < dayAgo) rmSync(file, { force: true });
  }
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
