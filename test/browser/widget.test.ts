// The widget on a council's page (another origin) in a real browser: keyboard open, a question answered, Escape, axe, quick exit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { RunningApp } from '../../src/app.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { launchBrowser } from '../support/browser.js';
import { baseUrl, startTestApp, testConfig } from '../support/startTestApp.js';

const AXE_PATH = path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js');
const COUNCIL = 'https://localoffer.example.gov.uk';
const ELSEWHERE = 'https://www.search.example.org';
const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';
const SERVICE_NAME = 'SEN Support Guide';
const BUTTON = { name: 'Chat about SEN support' };
const FRAME = `iframe[title="Chat with ${SERVICE_NAME}"]`;
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';

// The browser globals the page.evaluate callbacks use; the project compiles without the DOM library.
interface ShadowHost {
  shadowRoot: { activeElement: { className: string; textContent: string | null } | null; querySelector(selector: string): { getBoundingClientRect(): { width: number; height: number } } | null } | null;
}
declare const document: {
  querySelector(selector: string): ShadowHost | null;
  documentElement: { scrollWidth: number };
};
declare const window: { innerWidth: number; innerHeight: number; getComputedStyle(element: unknown): { animationName: string }; axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** A Local Offer page as a council might have it: their own header, text and links, and our snippet at the end. */
function councilPage(appUrl: string, snippetAttributes = ''): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SEN support – Local Offer – Example Council</title>
<style>
  body { margin: 0; font-family: Georgia, serif; color: #222; line-height: 1.6; }
  header { background: #0b0c0c; color: #fff; padding: 14px 30px; font: 700 22px Arial, sans-serif; }
  main { max-width: 720px; padding: 10px 30px 120px; }
  button { background: hotpink; font-size: 30px; }
  a { color: #1d70b8; }
</style>
</head>
<body>
<header>Example Council · Local Offer</header>
<main>
<h1>Special educational needs (SEN) support</h1>
<p>Find out what help schools, nurseries and colleges give children and young people with special educational needs.</p>
<h2>Get help</h2>
<p><a href="/sendiass">Contact our SEND information, advice and support service</a></p>
</main>
<script src="${appUrl}/widget.js" async${snippetAttributes}></script>
</body>
</html>`;
}

describe('the chat widget on a council website', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let appUrl: string;
  let sourceLabel: string;

  beforeAll(async () => {
    app = await startTestApp({ WIDGET_ALLOWED_ORIGINS: COUNCIL, RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE: '0' });
    appUrl = baseUrl(app);
    browser = await launchBrowser();
    const knowledge = await loadKnowledge(testConfig().CONTENT_DIR);
    sourceLabel = knowledge.topics.get('what-is-sen-support')?.sources[0]?.label ?? 'missing topic what-is-sen-support';
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Given: the council's page, served at its own https origin (intercepted, so no network is needed). */
  async function openCouncilPage(options: { width?: number; height?: number; reducedMotion?: 'reduce' | 'no-preference'; snippetAttributes?: string } = {}): Promise<Page> {
    context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
      reducedMotion: options.reducedMotion ?? 'no-preference',
      // The bot runs on 127.0.0.1 here, and Chromium asks before a public page reaches a local address. In
      // production the bot has a public address and nothing is asked.
      permissions: ['local-network-access'],
    });
    const page = await context.newPage();
    await page.route(`${COUNCIL}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: councilPage(appUrl, options.snippetAttributes) }));
    await page.route(`${ELSEWHERE}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><title>Search results</title><h1>Search results</h1>' }));
    await page.route(`${QUICK_EXIT_URL}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><title>Weather</title><h1>Weather forecast</h1>' }));
    await page.goto(`${COUNCIL}/send-support`);
    // Shown once its stylesheet has arrived, whatever the council named it.
    await page.locator('.sgw-launcher').waitFor();
    return page;
  }

  /** When: the parent tabs to the chat button and presses Enter; the welcome arrives in the panel. */
  async function openWithKeyboard(page: Page): Promise<FrameLocator> {
    const button = page.getByRole('button', BUTTON);
    for (let tabs = 0; !(await button.evaluate((element) => element === (element.getRootNode() as unknown as ShadowHost['shadowRoot'])?.activeElement)); tabs++) {
      expect(tabs, 'the chat button should be reachable with the Tab key').toBeLessThan(10);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const chat = page.frameLocator(FRAME);
    await chat.locator(BOT_BUBBLE).first().waitFor({ timeout: 20_000 });
    return chat;
  }

  it('given a council page with the snippet, then a "Chat about SEN support" button shows, closed, in the bottom right', async () => {
    const page = await openCouncilPage();
    const button = page.getByRole('button', BUTTON);

    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeGreaterThan(1280 - 40);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(800 - 40);
    // The council's own `button { background: hotpink }` cannot reach into the widget.
    expect(await button.evaluate((element) => window.getComputedStyle(element) as unknown as { backgroundColor: string })).toMatchObject({ backgroundColor: 'rgb(29, 112, 184)' });
    expect(page.frames()).toHaveLength(1);
    await page.screenshot({ path: '/tmp/widget-closed.png' });
  });

  it('given the button, when the parent opens it with the keyboard and asks "what is sen support", then the answer shows, and Escape closes it with focus back on the button', async () => {
    const page = await openCouncilPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    const chat = await openWithKeyboard(page);

    // Then: the panel is a labelled dialog the button controls, and focus is in the chat, ready to type.
    const button = page.getByRole('button', BUTTON);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('dialog', { name: SERVICE_NAME });
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.getAttribute('id')).toBe(await button.getAttribute('aria-controls'));
    await chat.locator(`${SEND_BOX}:focus`).waitFor({ timeout: 5_000 });

    // When: they type a question.
    const before = await chat.locator(BOT_BUBBLE).count();
    await page.keyboard.type('what is sen support');
    await page.keyboard.press('Enter');

    // Then: the answer from the SEN support topic arrives, with its source.
    await chat.locator('.webchat__bubble--from-user', { hasText: 'what is sen support' }).waitFor();
    await chat.locator(BOT_BUBBLE, { hasText: sourceLabel }).nth(0).waitFor({ timeout: 20_000 });
    expect(await chat.locator(BOT_BUBBLE).count()).toBeGreaterThan(before);
    await page.waitForTimeout(400);
    await page.screenshot({ path: '/tmp/widget-open.png' });

    // When: Escape. Then: the panel closes and focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((element) => element === (element.getRootNode() as unknown as ShadowHost['shadowRoot'])?.activeElement)).toBe(true);

    // And reopening shows the same conversation, not a new one.
    await page.keyboard.press('Enter');
    await chat.locator('.webchat__bubble--from-user', { hasText: 'what is sen support' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('given the panel open, then axe-core finds no serious or critical problems on the council page or in the chat', async () => {
    const page = await openCouncilPage();
    await openWithKeyboard(page);
    const axe = readFileSync(AXE_PATH, 'utf8');
    // Into both documents, so axe on the council page can ask the chat frame about its own content.
    for (const frame of page.frames()) await frame.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
    });
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it('given a 320px-wide phone, when the chat opens, then it fills the screen without sideways scrolling', async () => {
    const page = await openCouncilPage({ width: 320, height: 640 });
    const chat = await openWithKeyboard(page);
    await chat.locator(SEND_BOX).waitFor();

    const sizes = await page.evaluate(() => {
      const panel = document.querySelector('[data-sen-support-guide-widget]')?.shadowRoot?.querySelector('.sgw-panel')?.getBoundingClientRect();
      return { panelWidth: panel?.width, panelHeight: panel?.height, viewport: window.innerWidth, viewportHeight: window.innerHeight, scroll: document.documentElement.scrollWidth };
    });
    expect(sizes.panelWidth).toBe(sizes.viewport);
    expect(sizes.panelHeight).toBe(sizes.viewportHeight);
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.viewport);
    expect(await page.getByRole('button', { name: 'Close the chat' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Leave this page quickly' }).isVisible()).toBe(true);
    expect(await chat.locator(SEND_BOX).isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/widget-320.png' });

    // Closing shows the button again, with focus on it (it is not left focusable unseen under the panel).
    await page.keyboard.press('Escape');
    const button = page.getByRole('button', BUTTON);
    await button.waitFor({ state: 'visible' });
    expect(await button.evaluate((element) => element === (element.getRootNode() as unknown as ShadowHost['shadowRoot'])?.activeElement)).toBe(true);
  });

  it('given someone who prefers reduced motion, then the panel appears without animation', async () => {
    const page = await openCouncilPage({ reducedMotion: 'reduce' });
    await openWithKeyboard(page);
    const animation = await page.getByRole('dialog', { name: SERVICE_NAME }).evaluate((element) => window.getComputedStyle(element).animationName);
    expect(animation).toBe('none');
  });

  it('given data-position="left" and data-label, then the button uses them', async () => {
    const page = await openCouncilPage({ snippetAttributes: ' data-position="left" data-label="Ask about SEND"' });
    const button = page.getByRole('button', { name: 'Ask about SEND' });
    expect(await button.count()).toBe(1);
    expect((await button.boundingBox())?.x).toBeLessThan(40);
  });

  describe('leaving quickly', () => {
    /** Given: the parent came from a search page, opened the chat and said something. */
    async function chatting(): Promise<{ page: Page; chat: FrameLocator; botRequests: () => number }> {
      const page = await openCouncilPage();
      await page.goto(`${ELSEWHERE}/?q=sen+support`);
      await page.goto(`${COUNCIL}/send-support`);
      const chat = await openWithKeyboard(page);
      let requests = 0;
      page.on('request', (request) => {
        if (request.url().startsWith(appUrl)) requests += 1;
      });
      return { page, chat, botRequests: () => requests };
    }

    /** Then: the neutral site replaced the council page (Back skips it), and no part of the chat is left running. */
    async function expectLeft(page: Page, botRequests: () => number): Promise<void> {
      await page.waitForURL(`${QUICK_EXIT_URL}`, { timeout: 10_000 });
      expect(await page.locator('h1').innerText()).toBe('Weather forecast');
      expect(page.frames()).toHaveLength(1);
      const afterExit = botRequests();
      await page.waitForTimeout(2_500);
      // Web Chat polls every second while it lives; nothing more reaching the bot means it is gone.
      expect(botRequests()).toBe(afterExit);
      await page.goBack();
      expect(page.url()).toBe(`${ELSEWHERE}/?q=sen+support`);
    }

    it('when the parent presses "Leave this page quickly", then the council page is replaced by the neutral site', async () => {
      const { page, botRequests } = await chatting();
      await page.getByRole('button', { name: 'Leave this page quickly' }).click();
      await expectLeft(page, botRequests);
    });

    it('when the parent presses Shift three times while typing in the chat, then the same happens', async () => {
      const { page, chat, botRequests } = await chatting();
      await chat.locator(`${SEND_BOX}:focus`).waitFor({ timeout: 5_000 });
      // Shift used for capital letters does not count.
      for (const letter of ['KeyI', 'KeyA', 'KeyO']) {
        await page.keyboard.down('Shift');
        await page.keyboard.press(letter);
        await page.keyboard.up('Shift');
      }
      await page.waitForTimeout(300);
      expect(page.url()).toBe(`${COUNCIL}/send-support`);

      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await expectLeft(page, botRequests);
    });

    it('when the parent presses Shift three times on the council page with the chat open, then the same happens', async () => {
      const { page, botRequests } = await chatting();
      await page.getByRole('button', { name: 'Close the chat' }).focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await expectLeft(page, botRequests);
    });

    it('given the chat was never opened, then pressing Shift three times on the council page does nothing', async () => {
      const page = await openCouncilPage();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await page.waitForTimeout(500);
      expect(page.url()).toBe(`${COUNCIL}/send-support`);
    });
  });

  it('given a site not in WIDGET_ALLOWED_ORIGINS, then no button shows and the console says why', async () => {
    context = await browser.newContext({ permissions: ['local-network-access'] });
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.route('https://other.example.org/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: councilPage(appUrl) }));
    await page.goto('https://other.example.org/');
    await expect.poll(() => warnings.join('\n'), { timeout: 10_000 }).toContain('https://other.example.org is not in WIDGET_ALLOWED_ORIGINS');
    expect(await page.getByRole('button', BUTTON).count()).toBe(0);
  });
});

describe('Leave this page quickly on the chat page itself', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE: '0' });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const how of ['the button', 'Shift three times'] as const) {
    it(`given a conversation, when the parent uses ${how}, then the page is replaced by the neutral site and our storage is empty`, async () => {
      context = await browser.newContext();
      const page = await context.newPage();
      await page.route(`${QUICK_EXIT_URL}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Weather</title><h1>Weather forecast</h1>' }));
      await page.goto(`${baseUrl(app)}/`);
      await page.locator(BOT_BUBBLE).first().waitFor({ timeout: 20_000 });
      await page.evaluate(() => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('chat-draft', 'something private'));

      if (how === 'the button') await page.getByRole('button', { name: 'Leave this page quickly' }).click();
      else {
        await page.locator(SEND_BOX).focus();
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      }

      await page.waitForURL(QUICK_EXIT_URL, { timeout: 10_000 });
      // Back to the bot's origin: what the page had stored there is gone.
      await page.goto(`${baseUrl(app)}/healthz`);
      const stored = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length);
      expect(stored).toBe(0);
    });
  }
});
