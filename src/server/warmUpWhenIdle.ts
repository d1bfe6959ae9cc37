// Runs a slow, optional warm-up once the server has a quiet moment after start, so it neither delays readiness nor
// lands in the middle of a burst of turns.

export interface WarmUpOptions {
  /** How often to look for a moment with no turn in flight. */
  checkEveryMs?: number;
  /** Past this, the warm-up runs anyway: a server that is never idle needs it most. */
  runAnywayAfterMs?: number;
}

/** Returns a function that cancels the warm-up if it has not run yet (used when the server closes). */
export function warmUpWhenIdle(work: () => void, isIdle: () => boolean, options: WarmUpOptions = {}): () => void {
  const checkEveryMs = options.checkEveryMs ?? 200;
  const deadline = Date.now() + (options.runAnywayAfterMs ?? 30_000);
  let timer: NodeJS.Timeout | undefined;
  const check = (): void => {
    if (isIdle() || Date.now() >= deadline) {
      timer = undefined;
      work();
      return;
    }
    timer = setTimeout(check, checkEveryMs).unref();
  };
  timer = setTimeout(check, checkEveryMs).unref();
  return () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
}
