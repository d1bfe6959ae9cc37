import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/server/rateLimiter.js';

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('RateLimiter', () => {
  it('allows a burst up to the limit, then refuses with the seconds until the next request is allowed', () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 30, now: time.now });
    for (let i = 0; i < 30; i += 1) expect(limiter.take('conversation-a').allowed).toBe(true);
    const refused = limiter.take('conversation-a');
    // 30 a minute refills one every 2 seconds.
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 2, firstRefusal: true });
    expect(limiter.take('conversation-a')).toMatchObject({ allowed: false, firstRefusal: false });
    // Other keys are unaffected.
    expect(limiter.take('conversation-b').allowed).toBe(true);
  });

  it('refills over the window, and says "first refusal" again only after the key was allowed in between', () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: time.now });
    limiter.take('k');
    limiter.take('k');
    expect(limiter.take('k').firstRefusal).toBe(true);
    time.advance(29_999);
    expect(limiter.take('k')).toMatchObject({ allowed: false, firstRefusal: false, retryAfterSeconds: 1 });
    time.advance(2);
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k')).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it('forgets keys once their bucket is full again, so idle keys cost no memory', () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 10, windowMs: 60_000, now: time.now });
    for (let i = 0; i < 1000; i += 1) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(1000);
    time.advance(60_000);
    limiter.take('one-more');
    expect(limiter.size).toBe(1);
  });

  it('never holds more than maxKeys, evicting the least recently used', () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 1, maxKeys: 100, now: time.now });
    limiter.take('busy');
    for (let i = 0; i < 500; i += 1) {
      limiter.take(`flood-${i}`);
      if (i % 50 === 0) limiter.take('busy');
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
    // "busy" was used recently, so it is still remembered (and still limited); the oldest flood keys are not.
    expect(limiter.take('busy').allowed).toBe(false);
    expect(limiter.take('flood-0').allowed).toBe(true);
  });

  it('refuses a limit that would mean "off", so a misconfiguration cannot silently allow everything', () => {
    expect(() => new RateLimiter({ limit: 0 })).toThrow(/limit 0 .*at least 1/);
  });
});
