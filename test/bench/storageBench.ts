// Measures state size per conversation, SQLite write latency and purge time; run with `npx tsx test/bench/storageBench.ts`.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationState, MessageFactory, TestAdapter, UserState, type StoreItems } from 'botbuilder';
import { ChoicePrompt, ComponentDialog, runDialog, TextPrompt, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InMemoryStorage } from '../../src/storage/inMemoryStorage.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import type { StateStore } from '../../src/storage/stateStore.js';

const WRITES = Number(process.env.BENCH_WRITES ?? 2_000);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);

/** A letter-writing dialog like the bot's tools: a waterfall of prompts that keeps a child's details in its values. */
class LetterDialog extends ComponentDialog {
  constructor() {
    super('ehcRequestLetter');
    this.addDialog(new TextPrompt('text'));
    this.addDialog(new ChoicePrompt('choice'));
    const ask = (key: string | undefined, question: string, choices?: string[]) => async (step: WaterfallStepContext) => {
      if (key) (step.values as Record<string, unknown>)[key] = step.result;
      const prompt = MessageFactory.text(question);
      return choices
        ? step.prompt('choice', { prompt, retryPrompt: MessageFactory.text(`Please choose one: ${choices.join(', ')}`), choices })
        : step.prompt('text', { prompt, retryPrompt: MessageFactory.text('Sorry, I did not catch that. Please try again.') });
    };
    this.addDialog(
      new WaterfallDialog('steps', [
        ask(undefined, "What is your child's first name?"),
        ask('childName', 'Which school or nursery do they go to?'),
        ask('school', 'Which year are they in?', ['Reception', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6']),
        ask('yearGroup', 'In a few sentences, what do they find hard at school?'),
        ask('needs', 'What support have they had so far, and for how long?'),
        ask('supportSoFar', 'Would you like the letter by email, or to copy it here?', ['Copy it here', 'Email']),
        async (step) => step.endDialog(step.values),
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

/** The top of the stack, as in the bot: a router that has started a tool dialog. */
class RouterDialog extends ComponentDialog {
  constructor() {
    super('router');
    this.addDialog(new WaterfallDialog('routerSteps', [async (step) => step.beginDialog('ehcRequestLetter'), async (step) => step.endDialog()]));
    this.addDialog(new LetterDialog());
  }
}

/** Runs five turns of the letter dialog through botbuilder and returns what ends up in storage. */
async function realisticState(): Promise<{ conversation: object; user: object }> {
  const store = new InMemoryStorage();
  const conversationState = new ConversationState(store);
  const userState = new UserState(store);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const guide = conversationState.createProperty('guide');
  const profile = userState.createProperty('profile');
  const root = new RouterDialog();

  const adapter = new TestAdapter(async (context) => {
    await runDialog(root, context, dialogState);
    // The router's own memory: the last list offered (numbered on SMS) and where the parent was.
    await guide.set(context, {
      welcomed: true,
      misses: 0,
      offered: ['Ask for an EHC needs assessment', 'What happens next', 'Talk to a person', 'Write a letter', 'Main menu'].map((title, i) => ({
        title,
        value: title,
        target: ['flow:ehc-request', 'topic:ehc-timescales', 'tool:human', 'tool:letter', 'menu'][i],
        synonyms: [String(i + 1)],
      })),
      offeredEarlier: [],
      smsOverflow: [],
      lastTopicId: 'ehc-request',
    });
    await profile.set(context, { audience: 'parent', councilCode: 'E10000003', firstSeen: '2026-11-20T09:12:00.000Z', lastSeen: '2026-11-23T13:00:00.000Z' });
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  });
  await adapter
    .send('I want to write a letter asking for an EHC needs assessment')
    .send('Siân')
    .send('Ysgol Gymraeg Llundain, Hammersmith')
    .send('Year 4')
    .send("She can't read most words yet and gets very upset before school. Her teacher says she is behind in maths and she hides under the table in loud lessons.")
    .send('Reading group three mornings a week since last January, a visual timetable, and ear defenders. The SENCO met us once in March.');

  const conversationKey = 'test/conversations/Convo1/';
  const userKey = 'test/users/user1/';
  const items = await store.read([conversationKey, userKey]);
  const strip = (item: StoreItems[string]) => {
    const { eTag: _eTag, ...rest } = item as Record<string, unknown>;
    return rest;
  };
  const stack = JSON.stringify(items[conversationKey]?.dialogState ?? {});
  if (!stack.includes('"choice"')) throw new Error('storageBench: the letter dialog should be waiting at its last (choice) prompt; check the dialog set-up.');
  if (!items[conversationKey] || !items[userKey]) throw new Error(`storageBench: expected state under ${conversationKey} and ${userKey}, found ${Object.keys(items).join(', ')}`);
  return { conversation: strip(items[conversationKey]), user: strip(items[userKey]) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function writeLatency(synchronous: 'FULL' | 'NORMAL', item: object): Promise<{ p50: number; p99: number; max: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'storage-bench-'));
  const store = new SqliteStorage({ dataDir: dir, synchronous });
  try {
    const times: number[] = [];
    for (let i = 0; i < WRITES; i += 1) {
      // BotState.saveChanges writes one conversation at a time with eTag '*'.
      const changes = { [`webchat/conversations/c${i % 200}/`]: { ...item, eTag: '*' } };
      const started = performance.now();
      await store.write(changes);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] ?? Number.NaN };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seed(store: StateStore, prefix: string, count: number, conversation: object, user: object): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const changes: StoreItems = {};
    for (let i = start; i < Math.min(count, start + 500); i += 1) {
      changes[`webchat/conversations/${prefix}${i}/`] = conversation;
      changes[`webchat/users/${prefix}${i}/`] = user;
    }
    await store.write(changes);
  }
}

/** Seeds CONVERSATIONS stale conversations (state + user state each) and 10% fresh ones, then times one purge. */
async function purgeTime(store: StateStore, conversation: object, user: object, onSeeded = () => {}): Promise<{ ms: number; deleted: number }> {
  await seed(store, 'old-', CONVERSATIONS, conversation, user);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const cutoff = new Date();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await seed(store, 'new-', CONVERSATIONS / 10, conversation, user);
  onSeeded();
  const started = performance.now();
  const deleted = await store.purgeUnusedSince(cutoff);
  return { ms: performance.now() - started, deleted };
}

async function main(): Promise<void> {
  const { conversation, user } = await realisticState();
  const conversationBytes = Buffer.byteLength(JSON.stringify(conversation));
  const userBytes = Buffer.byteLength(JSON.stringify(user));

  const full = await writeLatency('FULL', conversation);
  const normal = await writeLatency('NORMAL', conversation);

  const dir = mkdtempSync(join(tmpdir(), 'storage-bench-'));
  const sqlite = new SqliteStorage({ dataDir: dir });
  let fileBytes = 0;
  const onDisk = () => (fileBytes = statSync(sqlite.file).size + statSync(`${sqlite.file}-wal`).size);
  const sqlitePurge = await purgeTime(sqlite, conversation, user, onDisk);
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });

  const memoryPurge = await purgeTime(new InMemoryStorage(), conversation, user);

  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const rows: Array<[string, string]> = [
    ['conversation state, mid-letter (5 turns in)', `${conversationBytes} bytes`],
    ['user state', `${userBytes} bytes`],
    ['state per conversation (both)', `${conversationBytes + userBytes} bytes`],
    [`sqlite write, synchronous=FULL (${WRITES} writes) p50 / p99 / max`, `${ms(full.p50)} / ${ms(full.p99)} / ${ms(full.max)}`],
    [`sqlite write, synchronous=NORMAL (${WRITES} writes) p50 / p99 / max`, `${ms(normal.p50)} / ${ms(normal.p99)} / ${ms(normal.max)}`],
    [`sqlite purge of ${CONVERSATIONS} stale conversations (${sqlitePurge.deleted} items, ${CONVERSATIONS / 10} fresh kept)`, ms(sqlitePurge.ms)],
    [`sqlite file + WAL with ${CONVERSATIONS * 1.1} conversations`, `${(fileBytes / 1024 / 1024).toFixed(1)} MiB (${Math.round(fileBytes / (CONVERSATIONS * 1.1))} bytes each)`],
    [`memory purge of ${CONVERSATIONS} stale conversations (${memoryPurge.deleted} items)`, ms(memoryPurge.ms)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`storage benchmark (${new Date().toISOString()}, node ${process.version})`);
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}

await main();
