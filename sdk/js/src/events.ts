/** A small typed event emitter: `on(name, fn)`, `off(name, fn)`, `once(name, fn)`. */
export type Listener<T> = (event: T) => void;

export class Emitter<Events extends object> {
  private readonly listeners = new Map<PropertyKey, Set<Listener<never>>>();

  /** Calls `fn` with the event's detail object each time `name` happens. Returns `this`. */
  on<K extends keyof Events>(name: K, fn: Listener<Events[K]>): this {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(fn as Listener<never>);
    return this;
  }

  /** Removes a listener added with {@link on}. */
  off<K extends keyof Events>(name: K, fn: Listener<Events[K]>): this {
    this.listeners.get(name)?.delete(fn as Listener<never>);
    return this;
  }

  /** Calls `fn` the next time `name` happens, once. */
  once<K extends keyof Events>(name: K, fn: Listener<Events[K]>): this {
    const wrapper: Listener<Events[K]> = (event) => {
      this.off(name, wrapper);
      fn(event);
    };
    return this.on(name, wrapper);
  }

  /** Calls every listener of `name`; a listener that throws does not stop the others. */
  protected emit<K extends keyof Events>(name: K, event: Events[K]): void {
    this.emitAny(name as string, event);
  }

  /** {@link emit} for base classes that know an event's name but not the subclass's event map. */
  protected emitAny(name: string, event: unknown): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const fn of [...set]) {
      try {
        (fn as Listener<unknown>)(event);
      } catch (e) {
        console.error(`Parley: a '${String(name)}' listener threw`, e);
      }
    }
  }
}
