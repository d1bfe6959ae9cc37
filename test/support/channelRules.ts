// Assertions every reply must meet on its channel (SMS: plain GSM-7 text within length limits; chat: renderable).
import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import { isGsm7 } from '../../src/render/gsm7.js';

export const SMS_HARD_MAX = 1600;
export const SMS_TARGET = 320;

/** Checks one turn's replies on SMS and returns the longest message length. */
export function expectSmsRules(activities: Array<Partial<Activity>>): number {
  let longest = 0;
  for (const activity of activities) {
    expect(activity.attachments ?? [], 'SMS replies carry no attachments').toHaveLength(0);
    expect(activity.suggestedActions, 'SMS replies carry no buttons').toBeUndefined();
    const text = activity.text ?? '';
    expect(text.length, `SMS message over ${SMS_HARD_MAX} characters: ${text.slice(0, 60)}`).toBeLessThanOrEqual(SMS_HARD_MAX);
    expect(isGsm7(text), `SMS message has characters outside GSM-7: ${JSON.stringify(text.slice(0, 80))}`).toBe(true);
    expect(text, 'no markdown emphasis on SMS').not.toMatch(/\*\*|__|`/);
    expect(text, 'no markdown links on SMS').not.toMatch(/\]\(/);
    expect(text, 'no markdown headings on SMS').not.toMatch(/^#{1,6}\s/m);
    longest = Math.max(longest, text.length);
  }
  return longest;
}

/** Every activity that answers from a topic carries channelData.topicId (DESIGN.md contract 5). */
export function topicIdsOf(activities: Array<Partial<Activity>>): string[] {
  return activities
    .map((activity) => (activity.channelData as { topicId?: string } | undefined)?.topicId)
    .filter((id): id is string => typeof id === 'string');
}
