// A token bucket per key (client address, conversation) with bounded memory: idle keys are swept, the oldest evicted.

export interface RateLimiterOptions {
  /** How many requests a key may make per window; also the burst it may make at once. */
  limit: number;
  /** The window the limit is counted over. */
  windowMs?: number;
  /** The most keys kept at once; past it the least recently used key is forgotten (so it starts afresh). */
  maxKeys?: number;
  now?: () => number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the key may try again (0 when allowed), for a Retry-After header. */
  retryAfterSeconds: number;
  /** True on the first refusal since the key was last allowed, so a caller can explain once and then stay quiet. */
  firstRefusal: boolean;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  refused: boolean;
}

/**
 * Why a token bucket: it allows a short burst (a parent tapping three suggested actions quickly) while holding the
 * long-run rate to `limit` per window, and it needs two numbers per key. A key whose bucket has refilled holds no
 * information, so it is dropped; that keeps memory proportional to keys active in the last window.
 */
export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;
  private readonly now: () => number;
  private readonly refillPerMs: number;
  // Insertion order doubles as recency order: a key is re-inserted whenever it is used.
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(options: RateLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new Error(`RateLimiter(): limit ${options.limit} is not a whole number of at least 1. Leave the limiter out to switch limiting off.`);
    }
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxKeys = options.maxKeys ?? 50_000;
    this.now = options.now ?? Date.now;
    this.refillPerMs = this.limit / this.windowMs;
    this.lastSweep = this.now();
  }

  /** Keys currently remembered (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  /** Spends one request for the key, if it has one left. */
  take(key: string): RateLimitDecision {
    const now = this.now();
    if (now - this.lastSweep >= this.windowMs) this.sweep(now);
    const bucket = this.refilled(key, now);
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refused = false;
      return { allowed: true, retryAfterSeconds: 0, firstRefusal: false };
    }
    const firstRefusal = !bucket.refused;
    bucket.refused = true;
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), firstRefusal };
  }

  /** Forgets every key whose bucket has filled up again (it would be allowed its full burst anyway). */
  sweep(now = this.now()): void {
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.limit) this.buckets.delete(key);
    }
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.makeRoom(now);
      return { tokens: this.limit, updatedAt: now, refused: false };
    }
    bucket.tokens = Math.min(this.limit, bucket.tokens + Math.max(0, now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    return bucket;
  }

  private makeRoom(now: number): void {
    this.sweep(now);
    // Still full: every key is busy (an attack from many addresses). Forgetting the least recently used is the
    // price of a memory bound; that key merely gets a fresh allowance.
    while (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) break;
      this.buckets.delete(oldest.value);
    }
  }
}
