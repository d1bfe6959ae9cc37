// The problems parseConfig reports for an environment, for tests that check each variable's message.
import { ConfigError, parseConfig } from '../../src/config/loadConfig.js';

export function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
