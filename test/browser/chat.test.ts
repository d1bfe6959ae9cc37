// The chat page in a real browser: a parent opens it, reads the welcome, asks with the keyboard alone, gets an answer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../src/app.js';
import { loadConversationContent } from '../../src/knowledge/conversationContent.js';
import { launchBrowser } from '../support/browser.js';
import { baseUrl, startTestApp, testConfig } from '../support/startTestApp.js';

const AXE_PATH = path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js');
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';
const USER_BUBBLE = '.webchat__bubble--from-user';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

interface AxeResults {
  violations: AxeViolation[];
}

// The browser globals the page.evaluate callbacks use; the project compiles without the DOM library.
declare const document: {
  activeElement: { matches(selector: string): boolean } | null;
  querySelectorAll(selector: string): { length: number };
  documentElement: { scrollWidth: number };
  body: { scrollWidth: number };
};
declare const window: { innerWidth: number; axe: { run(context: unknown): Promise<AxeResults> } };

/** Collapses whitespace and straightens quotes: Web Chat's markdown turns ' into ’. */
const squash = (text: string) => text.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").trim();

describe('the chat page', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page | undefined;
  let pageErrors: string[] = [];
  const config = testConfig();
  const { messages } = loadConversationContent(config.CONTENT_DIR, { service: config.SERVICE_NAME, privacyUrl: config.PRIVACY_URL });
  const welcomeStart = squash(messages.get('welcome', 'webchat')).slice(0, 40);

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openChat(width = 1024, height = 768): Promise<Page> {
    page = await browser.newPage({ viewport: { width, height } });
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${baseUrl(app)}/`);
    // The welcome is the bot's answer to conversationUpdate, so seeing it proves the whole Direct Line round trip.
    await page.locator(BOT_BUBBLE).first().waitFor({ timeout: 20_000 });
    return page;
  }

  it('given a parent opens the page, then they see the service name, the notice, the privacy link and the welcome', async () => {
    const chat = await openChat();

    expect(await chat.title()).toBe(`Chat – ${config.SERVICE_NAME}`);
    expect(await chat.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(squash(await chat.locator('h1').innerText())).toBe(config.SERVICE_NAME);
    expect(await chat.locator('main').getByText('automated guide, not a person').isVisible()).toBe(true);
    expect(await chat.getByRole('link', { name: 'Privacy notice' }).getAttribute('href')).toBe(config.PRIVACY_URL);
    expect(squash(await chat.locator(BOT_BUBBLE).first().innerText())).toContain(welcomeStart);
    expect(pageErrors).toEqual([]);
  });

  it('given the welcome, when the parent tabs to the send box and types "hello", then the bot answers', async () => {
    const chat = await openChat();
    const botBubblesBefore = await chat.locator(BOT_BUBBLE).count();

    // When: keyboard only, from the top of the page.
    let tabs = 0;
    while (!(await chat.evaluate((selector) => document.activeElement?.matches(selector) ?? false, SEND_BOX))) {
      expect(tabs++, 'the send box should be reachable with the Tab key').toBeLessThan(15);
      await chat.keyboard.press('Tab');
    }
    await chat.keyboard.type('hello');
    await chat.keyboard.press('Enter');

    // Then: the parent's message shows, and a new answer from the bot follows it.
    await chat.locator(USER_BUBBLE, { hasText: 'hello' }).waitFor();
    await chat.waitForFunction(
      ({ selector, before }) => document.querySelectorAll(selector).length > before,
      { selector: BOT_BUBBLE, before: botBubblesBefore },
      { timeout: 20_000 },
    );
    const answer = squash(await chat.locator(BOT_BUBBLE).last().innerText());
    expect(answer.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('given the page with the conversation loaded, then axe-core finds no serious or critical accessibility problems', async () => {
    const chat = await openChat();
    // The page's Content-Security-Policy forbids inline script, so addScriptTag cannot inject axe; evaluating it
    // through the DevTools protocol is not subject to the policy and leaves the policy in force for the page itself.
    await chat.evaluate(readFileSync(AXE_PATH, 'utf8'));
    const violations = await chat.evaluate(async () => {
      const result = await window.axe.run(document);
      return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
    });
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it('given a 320px-wide phone screen, then the page fits without sideways scrolling', async () => {
    const chat = await openChat(320, 640);
    const widths = await chat.evaluate(() => ({
      viewport: window.innerWidth,
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
    }));
    expect(widths.document).toBeLessThanOrEqual(widths.viewport);
    expect(widths.body).toBeLessThanOrEqual(widths.viewport);
    expect(await chat.locator(SEND_BOX).isVisible()).toBe(true);
  });
});
