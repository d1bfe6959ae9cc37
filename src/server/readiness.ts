// Tracks whether the process can serve turns (content loaded, storage answering) and which turns are in flight.
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export class Readiness {
  private contentLoaded = false;
  private inFlight = 0;
  private drainWaiters: Array<() => void> = [];

  constructor(private readonly checks: ReadinessCheck[] = []) {}

  markContentLoaded(): void {
    this.contentLoaded = true;
  }

  /** Resolves to the names of failing checks; empty means ready. */
  async problems(): Promise<string[]> {
    const failing: string[] = this.contentLoaded ? [] : ['content'];
    for (const { name, check } of this.checks) {
      try {
        await check();
      } catch {
        failing.push(name);
      }
    }
    return failing;
  }

  turnStarted(): void {
    this.inFlight += 1;
  }

  turnEnded(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) this.drainWaiters.splice(0).forEach((resolve) => resolve());
  }

  get turnsInFlight(): number {
    return this.inFlight;
  }

  /** Resolves when no turn is in flight, or after the timeout, whichever comes first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.drainWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
