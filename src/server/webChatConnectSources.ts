// Which Direct Line hosts the chat page may connect to (CSP connect-src): none beyond itself locally, Azure's in production.
import type { AppConfig } from '../config/loadConfig.js';

/**
 * With the local service Web Chat only talks to this origin. With DIRECTLINE_SECRET it talks to Azure's Direct Line
 * over HTTPS and a WebSocket stream, which connect-src names separately (wss:).
 */
export function webChatConnectSources(config: Pick<AppConfig, 'localDirectLine' | 'DIRECTLINE_SECRET' | 'DIRECTLINE_DOMAIN'>): string[] {
  if (config.localDirectLine || !config.DIRECTLINE_SECRET) return [];
  const { host } = new URL(config.DIRECTLINE_DOMAIN);
  return [`https://${host}`, `wss://${host}`];
}
