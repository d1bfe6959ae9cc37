// Reads settings from the environment (and a .env file when present) and fails fast with every problem named.
import { existsSync } from 'node:fs';
import { configSchema, type RawConfig } from './configSchema.js';

export interface AppConfig extends RawConfig {
  /** True when app credentials are set, so every request to /api/messages must carry a Bot Framework token. */
  authEnabled: boolean;
  /** Whether the local Direct Line service at /v3/directline is switched on. */
  localDirectLine: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`loadConfig(): the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix these in the environment or in .env (see .env.example).`);
    this.name = 'ConfigError';
  }
}

const SECRET_NAMES = new Set(['MicrosoftAppPassword', 'BLOB_CONNECTION_STRING', 'DIRECTLINE_SECRET']);

function describeValue(name: string, value: unknown): string {
  if (value === undefined) return 'nothing';
  if (SECRET_NAMES.has(name)) return '(a secret value, not shown)';
  return JSON.stringify(value);
}

/** Parses an environment into a validated config; throws ConfigError naming every wrong variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '(configuration)');
      return `${name}: got ${describeValue(name, env[name])}, ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const raw = result.data;
  const authEnabled = Boolean(raw.MicrosoftAppId && raw.MicrosoftAppPassword);
  // Local Direct Line is a development convenience: on by default only when nothing else could reach the bot.
  const localDirectLine = raw.LOCAL_DIRECTLINE ?? (!authEnabled && raw.NODE_ENV !== 'production');
  return { ...raw, authEnabled, localDirectLine };
}

/** Loads .env (when present, without overriding real environment variables) and parses process.env. */
export function loadConfig(envFile = '.env'): AppConfig {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
