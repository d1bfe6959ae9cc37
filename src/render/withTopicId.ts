// Stamps channelData.topicId on every activity of a topic answer (DESIGN.md contract 5), keeping other channelData.
import type { Activity } from 'botbuilder';

export function withTopicId(activities: Array<Partial<Activity>>, topicId: string | undefined): Array<Partial<Activity>> {
  if (topicId === undefined) return activities;
  return activities.map((activity) => ({
    ...activity,
    channelData: { ...(isRecord(activity.channelData) ? activity.channelData : {}), topicId },
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
