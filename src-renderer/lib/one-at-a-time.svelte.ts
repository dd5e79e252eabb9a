// Reads from the store one at a time, for what follows the cursor (the run view's readout, the
// compare view's): while a read runs, newer asks replace each other, so a sweep across a chart
// costs a few requests, never a queue of stale ones, and the last ask is always read.
import { errorMessage } from './api';

export class OneAtATime<Ask> {
  /** An ask is waiting or being read. */
  busy = $state(false);
  /** The last read's failure; cleared by the next read that succeeds. */
  error = $state<string | null>(null);
  private next: Ask | null = null;
  private running = false;

  constructor(private readonly read: (ask: Ask) => Promise<void>) {}

  /** Reads `ask` now, or once the read under way ends (if no newer ask replaced it by then). */
  ask(ask: Ask): void {
    this.next = ask;
    this.busy = true;
    if (!this.running) void this.drain();
  }

  /** Forgets the waiting ask (the read under way finishes). */
  drop(): void {
    this.next = null;
    this.busy = this.running;
  }

  /** A newer ask waits behind the read under way. */
  get waiting(): boolean {
    return this.next !== null;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.next !== null) {
      const ask = this.next;
      this.next = null;
      try {
        await this.read(ask);
        this.error = null;
      } catch (err) {
        this.error = errorMessage(err);
      }
    }
    this.running = false;
    this.busy = false;
  }
}
