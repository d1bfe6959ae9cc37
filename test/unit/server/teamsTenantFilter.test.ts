import { ActivityHandler, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logging/logger.js';
import { TeamsTenantFilter } from '../../../src/server/teamsTenantFilter.js';

const ALLOWED = '3e1f0a2b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const OTHER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function teamsMessage(tenant: string | undefined, where: 'channelData' | 'conversation' = 'channelData'): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    text: 'what does a SENCO do?',
    from: { id: '29:user', name: 'Teacher' },
    recipient: { id: '28:bot', name: 'Guide' },
    conversation: { id: 'a:conversation', isGroup: false, conversationType: 'personal', name: '', ...(where === 'conversation' && tenant ? { tenantId: tenant } : {}) },
    ...(where === 'channelData' && tenant ? { channelData: { tenant: { id: tenant } } } : {}),
  };
}

/** Runs one activity through the filter and an echo bot; returns the replies and the log lines. */
async function run(allowList: string[], activity: Partial<Activity>): Promise<{ replies: string[]; logs: Array<Record<string, unknown>> }> {
  const lines: string[] = [];
  const bot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity('answered');
    await next();
  });
  const adapter = new TestAdapter((context) => bot.run(context)).use(new TeamsTenantFilter(allowList, createLogger('debug', (line) => lines.push(line))));
  await adapter.processActivity(activity);
  const replies: string[] = [];
  for (let reply = adapter.activeQueue.shift(); reply; reply = adapter.activeQueue.shift()) replies.push(reply.text ?? '');
  return { replies, logs: lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('TeamsTenantFilter', () => {
  it('lets an allowed tenant through, whichever field carries the tenant id and in any letter case', async () => {
    expect((await run([ALLOWED], teamsMessage(ALLOWED))).replies).toEqual(['answered']);
    expect((await run([ALLOWED.toUpperCase()], teamsMessage(ALLOWED, 'conversation'))).replies).toEqual(['answered']);
  });

  it('drops a Teams activity from another tenant, or with no tenant, with no reply and a log line that hides the id', async () => {
    for (const tenant of [OTHER, undefined]) {
      const { replies, logs } = await run([ALLOWED], teamsMessage(tenant));
      expect(replies).toEqual([]);
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatchObject({ event: 'turn.dropped', status: 'dropped_tenant_not_allowed', activityType: 'message' });
      expect(JSON.stringify(logs)).not.toContain(OTHER);
    }
  });

  it('lets every tenant through when the list is empty, and never filters other channels', async () => {
    expect((await run([], teamsMessage(OTHER))).replies).toEqual(['answered']);
    const webChat = { ...teamsMessage(undefined), channelId: 'webchat' };
    expect((await run([ALLOWED], webChat)).replies).toEqual(['answered']);
  });
});
