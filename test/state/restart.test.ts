// Given a parent half-way through a flow, when the server restarts on sqlite, then the conversation carries on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sendMessage, startServerProcess } from '../support/serverProcess.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'sen-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('state survives a restart on sqlite', () => {
  it('stops gracefully mid-flow, starts again, and the next message continues the same flow', { timeout: 120_000 }, async () => {
    const env = { STORAGE: 'sqlite', DATA_DIR: dataDir };
    const conversation = { id: 'restart-conversation-1', user: 'restart-user-1' };

    const first = await startServerProcess(env);
    await sendMessage(first.url, conversation, 'hello');
    await sendMessage(first.url, conversation, 'The four stages');
    const atAssess = await sendMessage(first.url, conversation, 'Start with Assess');
    expect(atAssess.texts.join('\n')).toContain('Stage 1 of 4: Assess');
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output.some((line) => line.includes('"event":"server.stopped"'))).toBe(true);

    const second = await startServerProcess(env);
    try {
      const next = await sendMessage(second.url, conversation, 'Next: Plan');
      expect(next.status).toBe(200);
      expect(next.texts.join('\n')).toContain('Stage 2 of 4: Plan');
    } finally {
      await second.stop();
    }
  });
});
