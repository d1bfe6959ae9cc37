import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { warmUpWhenIdle } from '../../../src/server/warmUpWhenIdle.js';

describe('warmUpWhenIdle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does not run at once, so readiness is answered first, then runs once when no turn is in flight', () => {
    const work = vi.fn();
    warmUpWhenIdle(work, () => true, { checkEveryMs: 200 });
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits while turns are in flight and runs at the first quiet check', () => {
    const work = vi.fn();
    let busy = true;
    warmUpWhenIdle(work, () => !busy, { checkEveryMs: 200 });
    vi.advanceTimersByTime(1_000);
    expect(work).not.toHaveBeenCalled();
    busy = false;
    vi.advanceTimersByTime(200);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs anyway on a server that is never idle', () => {
    const work = vi.fn();
    warmUpWhenIdle(work, () => false, { checkEveryMs: 200, runAnywayAfterMs: 5_000 });
    vi.advanceTimersByTime(4_800);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled, as when the server closes first', () => {
    const work = vi.fn();
    const cancel = warmUpWhenIdle(work, () => true, { checkEveryMs: 200 });
    cancel();
    vi.advanceTimersByTime(60_000);
    expect(work).not.toHaveBeenCalled();
  });
});
