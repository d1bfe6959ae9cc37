// Reads a labelled JSONL evaluation file: one {"text", "intent", "safeguarding"?, "category"?} object per line.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const LabelledMessageSchema = z.object({
  text: z.string(),
  intent: z.string().min(1),
  safeguarding: z.boolean().optional(),
  category: z.string().optional(),
  note: z.string().optional(),
});
export type LabelledMessage = z.infer<typeof LabelledMessageSchema>;

export function readLabelledFile(file: string): LabelledMessage[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`readLabelledFile(): cannot read ${file} because ${(error as Error).message}. Pass the path of a .jsonl file.`);
  }
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch {
        throw new Error(`readLabelledFile(): ${file} line ${number} is not JSON. Write one JSON object per line.`);
      }
      const parsed = LabelledMessageSchema.safeParse(data);
      if (!parsed.success) {
        throw new Error(`readLabelledFile(): ${file} line ${number} has the wrong shape because ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}. Give it at least "text" and "intent".`);
      }
      return parsed.data;
    });
}
