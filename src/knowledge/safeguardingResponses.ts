// Loads and validates content/safeguarding-responses.yaml: the help shown first when a message suggests risk.
import { z } from 'zod';
import { loadYamlFile } from './loadYamlFile.js';

const CATEGORIES = ['immediate-danger', 'suicide', 'self-harm', 'abuse', 'neglect', 'domestic-violence', 'exploitation'] as const;

export const safeguardingResponsesSchema = z
  .object({
    intro: z.string().min(1),
    lines: z.record(z.string(), z.string().min(1)),
    categories: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, z.array(z.string()).min(1)])) as Record<(typeof CATEGORIES)[number], z.ZodArray<z.ZodString>>).strict(),
    'carry-on': z.string().min(1),
    'carry-on-choice': z.string().min(1),
  })
  .strict()
  .superRefine((value, ctx) => {
    for (const required of ['staff', 'council', 'council-unknown']) {
      if (!(required in value.lines)) ctx.addIssue({ code: 'custom', path: ['lines', required], message: `expected a "${required}" line` });
    }
    for (const [category, keys] of Object.entries(value.categories)) {
      for (const key of keys) {
        if (!(key in value.lines)) ctx.addIssue({ code: 'custom', path: ['categories', category], message: `names line "${key}", which is not under "lines"` });
      }
    }
  });

export type SafeguardingResponses = z.output<typeof safeguardingResponsesSchema>;

export function loadSafeguardingResponses(file: string): SafeguardingResponses {
  return loadYamlFile(file, safeguardingResponsesSchema, 'loadSafeguardingResponses()');
}
