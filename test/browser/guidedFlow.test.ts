// A guided flow in the real chat page, driven only by clicking suggested actions: the four stages, to stage 2 with its picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../src/app.js';
import { flowSchema, type Flow } from '../../src/knowledge/flowSchema.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { cycleAltText } from '../../src/tools/cycleDiagram.js';
import { launchBrowser } from '../support/browser.js';
import { baseUrl, startTestApp, testConfig } from '../support/startTestApp.js';

const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';

describe('the four stages guided flow on the chat page', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page | undefined;
  let flow: Flow;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The labels and the picture's words come from the flow's own content, so the test follows content edits.
    const knowledge = await loadKnowledge(testConfig().CONTENT_DIR);
    flow = flowSchema.parse(knowledge.flows.get('four-stages'));
    app = await startTestApp({ RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE: '0' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await app?.close();
  });

  /** The title of the choice in `stepId` that leads to `next`, as the parent sees it on the button. */
  function choiceTo(stepId: string, next: string): string {
    const step = flow.steps.find((candidate) => candidate.id === stepId);
    const choice = step?.choices.find((candidate) => candidate.next === next);
    if (!choice) throw new Error(`choiceTo(): content/flows/four-stages.yaml has no choice from ${stepId} to ${next}`);
    return choice.title;
  }

  /** When: the parent clicks the newest button with this label, and waits for the bot's next answer. */
  async function click(chat: Page, label: string): Promise<void> {
    const before = await chat.locator(BOT_BUBBLE).count();
    await chat.getByRole('button', { name: label, exact: true }).last().click();
    await chat.waitForFunction(
      ({ selector, count }) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(selector).length > count,
      { selector: BOT_BUBBLE, count: before },
      { timeout: 20_000 },
    );
  }

  it('given the welcome, when the parent clicks "The four stages", "Start with Assess" and "Next: Plan", then they see "Stage 2 of 4: Plan" and the cycle picture with its description', async () => {
    page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${baseUrl(app)}/`);
    await page.locator(BOT_BUBBLE).first().waitFor({ timeout: 20_000 });

    await click(page, flow.menuTitle ?? flow.title);
    await click(page, choiceTo(flow.start, 'assess'));
    await click(page, choiceTo('assess', 'plan'));

    const stageTitles = flow.stages.map((stage) => stage.title);
    const progress = flow.progressLabel.replace('{n}', '2').replace('{total}', String(stageTitles.length)).replace('{title}', stageTitles[1] ?? '');
    expect(progress).toBe('Stage 2 of 4: Plan');
    await page.getByText(progress).last().waitFor({ timeout: 20_000 });

    // The picture carries its meaning in words for people who cannot see it, including where they are.
    const alt = cycleAltText(flow.stages, 'plan');
    expect(alt).toContain('You are at stage 2: Plan');
    const picture = page.locator(`img[alt="${alt}"]`).last();
    await picture.waitFor({ timeout: 20_000 });
    expect(await picture.isVisible()).toBe(true);
    // Drawn, not a broken image: Web Chat turns the bot's data: URI into a blob: URL, so check what loaded.
    await expect.poll(() => picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    const size = await picture.boundingBox();
    expect(size?.width ?? 0).toBeGreaterThan(100);
    expect(pageErrors).toEqual([]);
  });
});
