/** True for generator objects (sync or async), as opposed to arrays and other iterables. */
export function isGenerator(value: unknown): value is Generator | AsyncGenerator {
  if (typeof value !== "object" || value === null) return false;
  const tag = Object.prototype.toString.call(value);
  return tag === "[object Generator]" || tag === "[object AsyncGenerator]";
}

/** Raised inside a run when its signal fired. */
export class CancelledError extends Error {
  constructor() {
    super("The event was cancelled");
    this.name = "CancelledError";
  }
}

/**
 * Runs whatever an event function returned to completion: awaits a promise, or iterates a
 * (sync or async) generator, reporting each yield, turned by `map`, through `onYield`.
 * A promise resolving to a generator is driven the same way, and `map` may answer with a
 * promise (it is awaited, so yields stay in order).
 * Resolves with the final value: the generator's return value (turned by `map`) when it
 * returns one, else its last yield. A throw of `map` fails the run. When `signal` fires, a
 * generator is closed at its next yield (its `finally` runs) and the run rejects with
 * {@link CancelledError}.
 */
export async function drive(
  result: unknown,
  signal: { readonly aborted: boolean },
  onYield: (value: unknown) => void,
  map: ((value: unknown) => unknown) | null = null,
): Promise<unknown> {
  if (!isGenerator(result)) {
    // A promise of a generator (a function whose inputs were prepared asynchronously) is driven too.
    const settled = await result;
    if (!isGenerator(settled)) return settled;
    result = settled;
  }
  const gen = result as AsyncGenerator<unknown, unknown, unknown>;
  let last: unknown = undefined;
  try {
    for (;;) {
      if (signal.aborted) throw new CancelledError();
      const step = await gen.next();
      if (step.done) {
        if (step.value === undefined || !map) return step.value === undefined ? last : step.value;
        const out = map(step.value);
        return isPromiseLike(out) ? await out : out;
      }
      if (signal.aborted) throw new CancelledError();
      if (map) {
        // `map` may answer with a promise (asynchronous postprocessing): awaited only then.
        const out = map(step.value);
        last = isPromiseLike(out) ? await out : out;
      } else {
        last = step.value;
      }
      onYield(last);
    }
  } finally {
    if (signal.aborted) await Promise.resolve(gen.return(undefined)).catch(() => undefined);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value instanceof Promise || (typeof value === "object" && value !== null && typeof (value as PromiseLike<unknown>).then === "function");
}
