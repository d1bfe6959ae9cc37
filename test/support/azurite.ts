// Starts a throwaway Azurite blob service for tests (in memory, on a free port) and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Azurite's fixed development account; the key is public and only opens the emulator. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  port: number;
  blobEndpoint: string;
  connectionString: string;
  /** Stops the emulator (its data is gone with it); safe to call twice. */
  stop(): Promise<void>;
}

/** Resolves once Azurite listens; port 0 lets it pick a free port, which it reports on stdout. */
export async function startAzurite(options: { timeoutMs?: number } = {}): Promise<Azurite> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const require = createRequire(import.meta.url);
  const azuriteRoot = dirname(require.resolve('azurite/package.json'));
  const workspace = mkdtempSync(join(tmpdir(), 'azurite-'));
  const child = spawn(
    process.execPath,
    [
      join(azuriteRoot, 'dist/src/blob/main.js'),
      '--blobHost', '127.0.0.1',
      '--blobPort', '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit', '256',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    // In-memory mode writes nothing, but a scratch working folder keeps any stray file out of the checkout.
    { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let output = '';
  let listening = false;
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => fail(new Error(`startAzurite(): Azurite did not start within ${timeoutMs} ms. Output:\n${output}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      process.off('exit', killOnExit);
      rmSync(workspace, { recursive: true, force: true });
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      if (listening) return;
      output += chunk.toString();
      const match = /successfully listens on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) {
        listening = true;
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) => listening || fail(new Error(`startAzurite(): Azurite exited with code ${code} before listening. Output:\n${output}`)));
  });

  const blobEndpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  return {
    port,
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${blobEndpoint};`,
    stop: () => stopChild(child, workspace, killOnExit),
  };
}

async function stopChild(child: ChildProcess, workspace: string, killOnExit: () => void): Promise<void> {
  process.off('exit', killOnExit);
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(workspace, { recursive: true, force: true });
}
