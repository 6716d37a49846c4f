/**
 * A minimal external store for `useSyncExternalStore`: immutable state, replaced as a whole,
 * listeners told after every change. Slices keep their identity when they do not change, so a
 * component selecting a slice re-renders only when that slice is replaced.
 */
export class ExternalStore<T> {
  private listeners = new Set<() => void>();

  constructor(protected state: T) {}

  readonly getState = (): T => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected setState(next: T): void {
    if (next === this.state) return;
    this.state = next;
    for (const l of [...this.listeners]) l();
  }
}
