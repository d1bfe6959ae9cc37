// Given a whole conversation full of personal details, the logs hold none of them, and "forget me" leaves nothing.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sendMessage, startServerProcess } from '../support/serverProcess.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'sen-privacy-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const PHONE = '+447700900456';
const secrets = {
  name: 'Amelia Thornbury',
  child: 'Jasper Thornbury',
  phone: '07700 900456',
  phoneId: PHONE,
  email: 'amelia.parent@example.com',
  dateOfBirth: '14/02/2016',
  school: 'Little Snoring Primary',
};

describe('privacy', () => {
  it('never logs message text or personal details, hashes ids, and forgets everything on request', { timeout: 120_000 }, async () => {
    const server = await startServerProcess({ STORAGE: 'sqlite', DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
    const conversation = { id: `sms-${PHONE}`, user: PHONE, channelId: 'sms' };
    const turns = [
      'hello',
      `Hi I'm ${secrets.name}, call me on ${secrets.phone} or email ${secrets.email}`,
      `my son ${secrets.child} was born ${secrets.dateOfBirth} and goes to ${secrets.school}, the senco says he doesn't need help`,
      'I want to write a letter asking for an EHC needs assessment',
      secrets.child,
      secrets.dateOfBirth,
      secrets.school,
      `${secrets.child} can't read yet and has meltdowns every day, email ${secrets.email}`,
      'a reading group twice a week, it has not helped',
      'he is falling further behind every term',
      'skip',
      'forget me',
      'Yes, delete it',
    ];
    try {
      for (const text of turns) {
        const turn = await sendMessage(server.url, conversation, text);
        expect(turn.status, `turn "${text.slice(0, 20)}"`).toBe(200);
      }
    } finally {
      await server.stop();
    }

    const logs = server.output.join('\n');
    expect(logs).toContain('"event":"turn.routed"');
    for (const [what, value] of Object.entries(secrets)) expect(logs, `logs must not contain the ${what}`).not.toContain(value);
    expect(logs).not.toContain('900456');
    expect(logs).not.toContain('Thornbury');
    for (const line of server.output.filter((candidate) => candidate.startsWith('{'))) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).not.toHaveProperty('text');
      expect(['debug', 'info', 'warn', 'error']).toContain(entry.level);
    }

    const db = new Database(path.join(dataDir, 'bot-state.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT key, value FROM bot_state').all() as Array<{ key: string; value: string }>;
      const leftOfUser = rows.filter((row) => row.key.includes(PHONE) || row.value.includes('Thornbury') || row.value.includes(secrets.email));
      expect(leftOfUser).toEqual([]);
    } finally {
      db.close();
    }
  });
});
