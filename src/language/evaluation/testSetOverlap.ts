// Finds held-out test messages that are copies or near copies of a training example, so the test set measures
// understanding of new wording rather than memory. Similarity is Jaccard overlap of character 3-grams of the
// normalised text, plus exact word-for-word matches.

export interface OverlapFinding {
  test: string;
  training: string;
  intent: string;
  similarity: number;
}

/** A test message at or above this similarity to any training example counts as a near copy. */
export const NEAR_COPY_THRESHOLD = 0.6;

function trigrams(text: string): Set<string> {
  const padded = ` ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** For each test message, its most similar training example; sorted most similar first. */
export function findOverlaps(
  testTexts: string[],
  training: Map<string, string[]>,
  normalise: (text: string) => string,
): OverlapFinding[] {
  const pool = [...training].flatMap(([intent, list]) => list.map((text) => ({ intent, text, grams: trigrams(normalise(text)) })));
  return testTexts
    .map((test) => {
      const grams = trigrams(normalise(test));
      let best: OverlapFinding = { test, training: '', intent: '', similarity: 0 };
      for (const item of pool) {
        const similarity = jaccard(grams, item.grams);
        if (similarity > best.similarity) best = { test, training: item.text, intent: item.intent, similarity };
      }
      return best;
    })
    .sort((a, b) => b.similarity - a.similarity);
}
