// `npm start` builds one bundle and runs it with plain node: the bundle must find content, static files and Web Chat,
// answer messages, and shut down cleanly, just as running from source does.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../src/build/bundleServer.js';
import { sendMessage, startServerProcess, type ServerProcess } from '../support/serverProcess.js';

let server: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  await bundleServer();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'npm-start-'));
  server = await startServerProcess({ STORAGE: 'sqlite', DATA_DIR: dataDir, NODE_ENV: 'development' }, { run: 'bundle', timeoutMs: 60_000 });
}, 180_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the bundle npm start runs', () => {
  it('answers a question from a content topic', async () => {
    const turn = await sendMessage(server.url, { id: 'bundle-1', user: 'parent-1' }, 'what is SEN support?');
    expect(turn.status).toBe(200);
    const topics = turn.activities.map((activity) => (activity.channelData as { topicId?: string } | undefined)?.topicId);
    expect(topics).toContain('what-is-sen-support');
  });

  it('serves the chat page, its own scripts and styles, and Web Chat from node_modules', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('SEN Support Guide');
    for (const asset of ['/assets/chat.css', '/widget.js', '/assets/webchat.js']) {
      const response = await fetch(`${server.url}${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.text()).length, asset).toBeGreaterThan(100);
    }
  });

  it('writes no warnings at start and exits cleanly on SIGTERM', async () => {
    expect(server.output.filter((line) => /warning/i.test(line))).toEqual([]);
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});
