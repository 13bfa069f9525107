/**
 * Errors are values: a code (the AWS exception name where AWS has one, such as
 * `ProvisionedThroughputExceededException`), and a sentence a learner understands.
 */
export interface SimError {
  /** AWS-style error code, or a bdlab code such as `InvalidScenario`. */
  readonly code: string;
  /** What went wrong, where, and how to fix it, in plain words. */
  readonly message: string;
  /** Where the problem is, such as a JSON path (`$.producers[0].recordsPerSecond`) or a flag name. */
  readonly path?: string;
}

/** The outcome of an operation that can fail with a `SimError`. */
export type Result<T, E extends SimError = SimError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E extends SimError>(error: E): Result<never, E> => ({ ok: false, error });

/** Thrown form of a `SimError`, for APIs that throw (like the AWS SDKs) rather than return results. */
export class SimException extends Error implements SimError {
  readonly code: string;
  readonly path?: string;

  constructor(error: SimError) {
    super(error.message);
    this.name = error.code;
    this.code = error.code;
    if (error.path !== undefined) this.path = error.path;
  }
}
