// Starts the whole app for a test: a free port, memory storage, silent logs, local Direct Line on.
import { fileURLToPath } from 'node:url';
import { startApp, type RunningApp, type StartOptions } from '../../src/app.js';
import { parseConfig, type AppConfig } from '../../src/config/loadConfig.js';

const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

/** The config a test app runs with; `env` overrides any variable (by its DESIGN.md name). */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    STORAGE: 'memory',
    LOCAL_DIRECTLINE: 'true',
    CONTENT_DIR,
    ...env,
  });
  // PORT must be 1-65535 in real config; 0 asks the OS for a free port so test files can run side by side.
  return { ...config, PORT: 0 };
}

export async function startTestApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  return startApp(testConfig(env), options);
}

/** The app's base URL without a trailing slash, on 127.0.0.1 so the test never depends on how localhost resolves. */
export function baseUrl(app: RunningApp): string {
  return `http://127.0.0.1:${app.port}`;
}
