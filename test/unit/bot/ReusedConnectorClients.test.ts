import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { MAX_CLIENTS, ReusedConnectorClients } from '../../../src/bot/ReusedConnectorClients.js';

const anonymous = () => new ReusedConnectorClients(new ConfigurationBotFrameworkAuthentication({}));
// The client's address is protected in its type; reading it shows which channel a reused client would call.
const baseUriOf = (client: object): unknown => (client as { baseUri?: unknown }).baseUri;
const activity = (serviceUrl: string): Activity => ({ type: 'message', channelId: 'webchat', serviceUrl }) as Activity;

async function connectorFor(auth: ReusedConnectorClients, serviceUrl: string) {
  const result = await auth.authenticateRequest(activity(serviceUrl), '');
  if (!result.connectorFactory) throw new Error('no connector factory');
  return result.connectorFactory.create(serviceUrl, result.audience);
}

describe('ReusedConnectorClients', () => {
  it('hands every turn from the same channel address the same connector client', async () => {
    const auth = anonymous();
    const first = await connectorFor(auth, 'https://smba.example/emea/');
    const second = await connectorFor(auth, 'https://smba.example/emea/');
    expect(second).toBe(first);
    expect(baseUriOf(first)).toBe('https://smba.example/emea/');
  });

  it('keeps clients for different service URLs apart', async () => {
    const auth = anonymous();
    const emea = await connectorFor(auth, 'https://smba.example/emea/');
    const amer = await connectorFor(auth, 'https://smba.example/amer/');
    expect(amer).not.toBe(emea);
    expect(baseUriOf(amer)).toBe('https://smba.example/amer/');
  });

  it('forgets the least recently used client once more addresses than the limit have been seen', async () => {
    const auth = anonymous();
    const oldest = await connectorFor(auth, 'https://channel.example/0');
    const kept = await connectorFor(auth, 'https://channel.example/1');
    for (let i = 2; i <= MAX_CLIENTS; i += 1) {
      await connectorFor(auth, `https://channel.example/${i}`);
      if (i === MAX_CLIENTS - 1) expect(await connectorFor(auth, 'https://channel.example/1')).toBe(kept);
    }
    expect(await connectorFor(auth, 'https://channel.example/0')).not.toBe(oldest);
    expect(await connectorFor(auth, 'https://channel.example/1')).toBe(kept);
  });

  it('reuses the user-token client for the same bot identity', async () => {
    const auth = anonymous();
    const { claimsIdentity } = await auth.authenticateRequest(activity('https://channel.example/'), '');
    const first = await auth.createUserTokenClient(claimsIdentity);
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(first);
  });

  it('still refuses a request without a token when the bot has credentials', async () => {
    const auth = new ReusedConnectorClients(
      new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' }),
    );
    await expect(auth.authenticateRequest(activity('https://channel.example/'), '')).rejects.toMatchObject({ statusCode: 401 });
  });
});
