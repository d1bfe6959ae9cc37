// The renderers' cache: computes once per key, forgets the least recently used first, and stays within its bounds.
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/boundedCache.js';

/** A cache whose compute function counts its calls. */
function counting(limits: { maxEntries: number; maxKeyChars: number; maxKeyLength: number }) {
  const cache = new BoundedCache<string>(limits);
  const computed: string[] = [];
  const get = (key: string): string =>
    cache.getOrCompute(key, (k) => {
      computed.push(k);
      return k.toUpperCase();
    });
  return { cache, computed, get };
}

describe('BoundedCache', () => {
  it('computes a value once and then returns the kept one', () => {
    const { computed, get } = counting({ maxEntries: 10, maxKeyChars: 1000, maxKeyLength: 100 });
    expect(get('menu')).toBe('MENU');
    expect(get('menu')).toBe('MENU');
    expect(computed).toEqual(['menu']);
  });

  it('forgets the least recently used entry when full', () => {
    const { cache, computed, get } = counting({ maxEntries: 2, maxKeyChars: 1000, maxKeyLength: 100 });
    get('a');
    get('b');
    get('a'); // "a" is now the most recently used
    get('c'); // so "b" goes
    expect(cache.size).toBe(2);
    get('a');
    get('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps the characters of its keys within bounds, however varied the text', () => {
    const { cache, get } = counting({ maxEntries: 1000, maxKeyChars: 50, maxKeyLength: 20 });
    for (let i = 0; i < 500; i++) get(`letter ${i} `.padEnd(18, 'x'));
    expect(cache.size).toBeLessThanOrEqual(2);
  });

  it('never keeps a key longer than the limit, but still answers', () => {
    const { cache, computed, get } = counting({ maxEntries: 10, maxKeyChars: 1000, maxKeyLength: 5 });
    expect(get('too long')).toBe('TOO LONG');
    expect(get('too long')).toBe('TOO LONG');
    expect(computed).toEqual(['too long', 'too long']);
    expect(cache.size).toBe(0);
  });
});
