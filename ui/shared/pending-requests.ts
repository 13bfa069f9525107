/**
 * Requests sent to a worker that await their answer by id: the console's reads and the labs' derives. A
 * request is cancelled when its signal aborts or a newer one with the same `supersedes` key is opened; its
 * promise then rejects with the caller's cancellation error at once, the worker is told to drop it, and an
 * answer that still arrives is ignored.
 */

/** How a request may be cancelled. */
export interface RequestOptions {
  /** A newer request with the same key cancels this one (opening one S3 object after another). */
  readonly supersedes?: string;
  readonly signal?: AbortSignal;
}

interface Pending<Answer> {
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: unknown) => void;
  readonly key: string | undefined;
}

/** The requests in flight to one worker. */
export class PendingRequests<Answer> {
  // Bookkeeping, not UI state.
  readonly #pending = new Map<number, Pending<Answer>>();
  readonly #latest = new Map<string, number>();
  readonly #cancelled: () => Error;
  readonly #sendCancel: (id: number) => void;
  #nextId = 1;

  /**
   * `cancelled` makes the error a cancelled request rejects with; `sendCancel` tells the worker to drop a
   * request it was sent.
   */
  constructor(cancelled: () => Error, sendCancel: (id: number) => void) {
    this.#cancelled = cancelled;
    this.#sendCancel = sendCancel;
  }

  /**
   * Opens a request; `send` posts it with its id, unless the signal has already aborted. A `send` that
   * throws rejects the request with its error.
   */
  open(send: (id: number) => void, options: RequestOptions = {}): Promise<Answer> {
    const id = this.#nextId++;
    const key = options.supersedes;
    if (key !== undefined) {
      const previous = this.#latest.get(key);
      if (previous !== undefined) this.cancel(previous);
      this.#latest.set(key, id);
    }
    const answer = new Promise<Answer>((resolve, reject) => this.#pending.set(id, { resolve, reject, key }));
    if (options.signal?.aborted) {
      this.#settle(id)?.reject(this.#cancelled());
    } else {
      options.signal?.addEventListener('abort', () => this.cancel(id), { once: true });
      try {
        send(id);
      } catch (error) {
        // Not sent (a value the worker cannot receive): the request fails with why, and nothing waits on it.
        this.#settle(id)?.reject(error);
      }
    }
    return answer;
  }

  /** The worker's answer; ignored when the request is no longer pending. */
  resolve(id: number, answer: Answer): void {
    this.#settle(id)?.resolve(answer);
  }

  /** The worker's refusal; ignored when the request is no longer pending. */
  reject(id: number, error: unknown): void {
    this.#settle(id)?.reject(error);
  }

  /** Calls a request off: it rejects with the cancellation error and the worker is told to drop it. */
  cancel(id: number): void {
    const pending = this.#settle(id);
    if (pending === undefined) return;
    pending.reject(this.#cancelled());
    this.#sendCancel(id);
  }

  /** Refuses every request in flight (the worker was stopped). */
  rejectAll(error: unknown): void {
    for (const id of [...this.#pending.keys()]) this.reject(id, error);
  }

  /** Takes a request out of the books, or undefined when it is no longer pending. */
  #settle(id: number): Pending<Answer> | undefined {
    const pending = this.#pending.get(id);
    if (pending === undefined) return undefined;
    this.#pending.delete(id);
    if (pending.key !== undefined && this.#latest.get(pending.key) === id) this.#latest.delete(pending.key);
    return pending;
  }
}
