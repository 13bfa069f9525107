/**
 * A lab's `derive` is synchronous, but some engines load asynchronously (sql.js compiles WebAssembly). An
 * engine port bridges the two: the host that runs derives — the derive worker, Node's tests and CLI —
 * says how to load the engine on its thread (`provide`), the lab's catalogue loader waits for it
 * (`prepareIfProvided`), and derive takes it synchronously (`get`). A thread that never derives (the
 * page) provides nothing and so never loads the engine.
 */
export class EnginePort<Engine> {
  private loader: (() => Promise<Engine>) | null = null;
  private loading: Promise<Engine> | null = null;
  private engine: Engine | null = null;

  /** `name` is how messages call the engine ("sql.js"). */
  constructor(readonly name: string) {}

  /** Says how this thread loads the engine. The first load wins; providing again does not reload. */
  provide(load: () => Promise<Engine>): void {
    this.loader ??= load;
  }

  /** Loads the engine once; a failed load is forgotten so the next call tries again. */
  prepare(): Promise<Engine> {
    if (this.engine) return Promise.resolve(this.engine);
    if (!this.loader) {
      return Promise.reject(new Error(`No way to load ${this.name} has been provided on this thread.`));
    }
    this.loading ??= this.loader().then(
      (engine) => (this.engine = engine),
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  /** Loads the engine when this thread provided a way to, and does nothing otherwise. */
  async prepareIfProvided(): Promise<void> {
    if (this.loader) await this.prepare();
  }

  /** The loaded engine; throws, saying what the host must do, when it is not loaded yet. */
  get(): Engine {
    if (this.engine) return this.engine;
    throw new Error(
      `${this.name} is not loaded on this thread: the host must provide it and await prepare() before a lab that needs it derives.`,
    );
  }
}
