// What makes every card of a metric grid read again (a zoom, the chart size, the x axis, the runs
// shown): the grid fires it from those actions, and each card on screen loads what it now needs
// (a card skips a read it already made). Plain callbacks, not reactive state: nothing is drawn from it.
export class Reloads {
  private listeners: (() => void)[] = [];

  /** Returns the unsubscribe function. */
  on(listener: () => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  fire(): void {
    for (const listener of this.listeners) listener();
  }
}
