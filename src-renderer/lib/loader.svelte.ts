// The renderer's one way to load data: a view asks from a user action or a route change
// (`load(input)`), never from an `$effect`. The latest request wins: starting a load aborts the one
// it supersedes (browser mode cancels the HTTP request through the signal; an IPC call cannot be
// cancelled, so its answer is dropped), and only the latest answer or error is shown. The value
// of the last answer stays while the next loads (a zoom keeps its chart up), until `clear()`.
import { errorMessage } from './errors';

export type Fetcher<I, T> = (input: I, signal: AbortSignal) => Promise<T>;

export class Loader<I, T> {
  /** The latest answer (replaced whole: `$state.raw`, answers can be large and are never mutated). */
  value = $state.raw<T | undefined>(undefined);
  loading = $state(false);
  /** The latest load's failure, in words; null once a load succeeds. */
  error = $state<string | null>(null);
  private request = 0;
  private controller: AbortController | null = null;
  private last: { input: I } | null = null;

  constructor(private readonly fetcher: Fetcher<I, T>) {}

  /** Starts a load; resolves to its answer, or undefined when it failed or a newer one superseded it. */
  async load(input: I): Promise<T | undefined> {
    this.controller?.abort();
    const controller = new AbortController();
    const id = ++this.request;
    this.controller = controller;
    this.last = { input };
    this.loading = true;
    try {
      const value = await this.fetcher(input, controller.signal);
      if (id !== this.request) return undefined;
      this.value = value;
      this.error = null;
      return value;
    } catch (err) {
      if (id === this.request) this.error = errorMessage(err);
      return undefined;
    } finally {
      if (id === this.request) {
        this.loading = false;
        this.controller = null;
      }
    }
  }

  /** Loads the last input again (the Retry button, or the server coming back). */
  retry(): Promise<T | undefined> {
    return this.last ? this.load(this.last.input) : Promise.resolve(undefined);
  }

  /** A value the user's own change produced (a rename, an attach): it wins over any load in flight. */
  set(value: T): void {
    this.cancel();
    this.value = value;
    this.error = null;
  }

  /** Nothing to show (no run selected): the load in flight is dropped, the value and error too. */
  clear(): void {
    this.cancel();
    this.last = null;
    this.value = undefined;
    this.error = null;
  }

  /** Drops the load in flight (the view is closing, or a local change superseded it). */
  cancel(): void {
    this.request++;
    this.controller?.abort();
    this.controller = null;
    this.loading = false;
  }
}
