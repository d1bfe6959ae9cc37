// Given two bot processes sharing Azure Blob storage (Azurite), when a conversation's turns alternate between them,
// then it carries on correctly, as behind a load balancer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { sendMessage, startServerProcess, type ServerProcess } from '../support/serverProcess.js';

let azurite: Azurite;
let servers: ServerProcess[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  const env = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: 'two-process-test' };
  servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await azurite?.stop();
});

describe('two processes, one blob store', () => {
  it('alternates one conversation between the processes and keeps its place in the flow', { timeout: 60_000 }, async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const conversation = { id: 'two-process-conversation', user: 'two-process-user' };
    await sendMessage(a.url, conversation, 'hello');
    const stages = await sendMessage(b.url, conversation, 'The four stages');
    expect(stages.texts.join('\n')).toContain('Where would you like to start?');
    const assess = await sendMessage(a.url, conversation, 'Start with Assess');
    expect(assess.texts.join('\n')).toContain('Stage 1 of 4: Assess');
    const plan = await sendMessage(b.url, conversation, 'Next: Plan');
    expect(plan.texts.join('\n')).toContain('Stage 2 of 4: Plan');
    const doStage = await sendMessage(a.url, conversation, 'Next: Do');
    expect(doStage.texts.join('\n')).toContain('Stage 3 of 4: Do');
    const review = await sendMessage(b.url, conversation, 'Next: Review');
    expect(review.texts.join('\n')).toContain('Stage 4 of 4: Review');
  });

  it('when both processes take a turn of the same conversation at once, both are answered and none is lost', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const conversation = { id: 'two-process-race', user: 'two-process-race-user' };
    await sendMessage(a.url, conversation, 'hello');
    const [fromA, fromB] = await Promise.all([
      sendMessage(a.url, conversation, 'what does a senco do'),
      sendMessage(b.url, conversation, 'what is the local offer'),
    ]);
    expect(fromA.status).toBe(200);
    expect(fromB.status).toBe(200);
    expect(fromA.texts.join('\n')).toContain('"topicId":"senco"');
    expect(fromB.texts.join('\n')).toContain('"topicId":"local-offer"');
    const after = await sendMessage(a.url, conversation, 'MENU');
    expect(after.texts.join('\n')).not.toContain('Sorry, something went wrong');
  });
});
