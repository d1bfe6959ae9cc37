// The channel table and every limit pinned at its edge, through the renderers that obey it.
import { describe, expect, it } from 'vitest';
import {
  CARRIER_RESERVED_KEYWORDS,
  CHANNEL_LIMITS,
  fitsSuggestedActions,
  SMS_KEYWORDS,
} from '../../../src/render/channelLimits.js';
import { gsm7Length } from '../../../src/render/gsm7.js';
import { renderSms } from '../../../src/render/renderSms.js';
import { renderWebChat } from '../../../src/render/renderWebChat.js';
import type { Choice } from '../../../src/render/replyModel.js';

const titled = (...titles: string[]): Choice[] => titles.map((title, i) => ({ title, value: `v${i}` }));
const sentence = (length: number): string => `${'a'.repeat(length - 1)}.`;

describe('channel table', () => {
  it('sends Adaptive Cards no newer than 1.5 to Web Chat and Teams, and none to SMS', () => {
    expect(CHANNEL_LIMITS.webchat.adaptiveCardVersion).toBe('1.5');
    expect(CHANNEL_LIMITS.msteams.adaptiveCardVersion).toBe('1.5');
    expect(CHANNEL_LIMITS.sms.adaptiveCardVersion).toBeUndefined();
  });

  it('keeps SMS plain GSM-7 with bare links and numbered choices', () => {
    expect(CHANNEL_LIMITS.sms).toMatchObject({ markdown: false, gsm7Only: true, links: 'bare-url', choices: 'numbered' });
    expect(CHANNEL_LIMITS.sms.messageTargetLength).toBe(320);
    expect(CHANNEL_LIMITS.sms.messageMaxLength).toBe(1600);
  });

  it('never asks SMS users for a keyword their carrier answers instead of the bot', () => {
    expect(CARRIER_RESERVED_KEYWORDS).toContain('HELP');
    expect(CARRIER_RESERVED_KEYWORDS).toContain('STOP');
    for (const keyword of Object.values(SMS_KEYWORDS)) expect(CARRIER_RESERVED_KEYWORDS).not.toContain(keyword);
  });
});

describe('suggested-action limits (Web Chat)', () => {
  it('fits titles of 20 characters but not 21', () => {
    expect(fitsSuggestedActions('webchat', titled('x'.repeat(20), 'Yes'))).toBe(true);
    expect(fitsSuggestedActions('webchat', titled('x'.repeat(21), 'Yes'))).toBe(false);
  });

  it('counts an emoji as one character', () => {
    expect(fitsSuggestedActions('webchat', titled(`${'x'.repeat(19)}😀`))).toBe(true);
  });

  it('fits 6 choices but not 7', () => {
    expect(fitsSuggestedActions('webchat', titled('1', '2', '3', '4', '5', '6'))).toBe(true);
    expect(fitsSuggestedActions('webchat', titled('1', '2', '3', '4', '5', '6', '7'))).toBe(false);
  });

  it('never uses suggested actions on Teams or SMS', () => {
    expect(fitsSuggestedActions('msteams', titled('Yes', 'No'))).toBe(false);
    expect(fitsSuggestedActions('sms', titled('Yes', 'No'))).toBe(false);
  });

  it('renders 20-character titles as suggested actions and 21-character titles as a card', () => {
    const at20 = renderWebChat({ blocks: [{ type: 'choices', prompt: 'Pick', choices: titled('x'.repeat(20)) }] });
    const at21 = renderWebChat({ blocks: [{ type: 'choices', prompt: 'Pick', choices: titled('x'.repeat(21)) }] });
    expect(at20.at(-1)?.suggestedActions?.actions).toHaveLength(1);
    expect(at20.flatMap((a) => a.attachments ?? [])).toHaveLength(0);
    expect(at21.some((a) => a.suggestedActions)).toBe(false);
    expect(at21.flatMap((a) => a.attachments ?? []).map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
  });
});

describe('SMS length limits', () => {
  const smsTexts = (markdown: string): string[] => {
    const { activities, overflow } = renderSms({ blocks: [{ type: 'text', markdown }] });
    return [...activities.map((a) => a.text ?? ''), ...overflow];
  };

  it('sends 320 characters as one message and 321 as two', () => {
    expect(smsTexts(sentence(320))).toEqual([sentence(320)]);
    const split = smsTexts(`${sentence(200)} ${sentence(120)}`);
    expect(split).toHaveLength(2);
    expect(split.join(' ')).toBe(`${sentence(200)} ${sentence(120)}`);
  });

  it('counts extension characters twice against the 320 target', () => {
    // 318 plain + one "€" (2 septets) = 320 septets: one message; a second "€" tips it over.
    expect(smsTexts(`${'a'.repeat(317)}€.`)).toHaveLength(1);
    expect(gsm7Length(`${'a'.repeat(317)}€€.`)).toBe(322);
    expect(smsTexts(`${'a'.repeat(150)}. ${'b'.repeat(164)}€€.`)).toHaveLength(2);
  });

  it('keeps an unbreakable run of 1,600 characters whole and cuts one of 1,601', () => {
    expect(smsTexts('w'.repeat(1600))).toEqual(['w'.repeat(1600)]);
    const cut = smsTexts('w'.repeat(1601));
    expect(cut.map((text) => text.length)).toEqual([1600, 1]);
  });
});
