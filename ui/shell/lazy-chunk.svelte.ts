/**
 * A part of the app that is loaded when it is first shown (a page, a console, the presenter bar): the
 * module once loaded, or the loading error. Loaded once per app run, so coming back to a page shows it at
 * once. A failed load can be tried again; browsers that cache a failed module fetch for the page's life
 * fail again at once, which `failures` lets the page notice and offer a reload instead.
 */
export class LazyChunk<T> {
  /** The loaded module; undefined until it has loaded. */
  value: T | undefined = $state.raw(undefined);
  /** Why the last load failed; undefined while loading or after success. */
  error: Error | undefined = $state.raw(undefined);
  /** Loads that failed in a row. */
  failures = $state(0);
  readonly #load: () => Promise<T>;
  #pending: Promise<T> | undefined;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** True while a load is under way. */
  get loading(): boolean {
    return this.value === undefined && this.error === undefined;
  }

  /** Starts loading unless the module is loaded or on its way; resolves with it, or rejects. */
  ensure(): Promise<T> {
    if (this.value !== undefined) return Promise.resolve(this.value);
    if (this.#pending) return this.#pending;
    this.error = undefined;
    const pending = this.#load().then(
      (value) => {
        this.value = value;
        this.failures = 0;
        return value;
      },
      (cause: unknown) => {
        this.#pending = undefined;
        this.failures += 1;
        this.error = cause instanceof Error ? cause : new Error(String(cause));
        throw this.error;
      },
    );
    this.#pending = pending;
    return pending;
  }
}
