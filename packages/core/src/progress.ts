/** One level of progress as sent to clients (`progress_data` entries). */
export interface ProgressUnit {
  /** Steps done, when counting steps (else null). */
  index: number | null;
  /** Total steps, when known. */
  length: number | null;
  /** What a step is called ("steps", "files", …). */
  unit: string;
  /** Fraction done (0–1), when given as a fraction (else null). */
  progress: number | null;
  /** Text shown with the bar. */
  desc: string | null;
}

/** Options of a progress update. */
export interface ProgressOptions {
  /** Text shown with the bar. */
  desc?: string | null;
  /** Total steps (when `value` is a step count). */
  total?: number | null;
  /** What a step is called. Default "steps". */
  unit?: string;
}

/**
 * Reports progress from an event function (the context's `progress`), shown as a bar over
 * the outputs: `progress(0.3, { desc })`, `progress([3, 10])`, or
 * `for (const x of progress.track(items, { desc }))` (sync or async iterables).
 */
export interface Progress {
  (value: number | [done: number, total: number | null], options?: ProgressOptions): void;
  /** Wraps an iterable and reports a step for each item, like tqdm. */
  track<T>(items: Iterable<T>, options?: ProgressOptions): Iterable<T>;
  track<T>(items: AsyncIterable<T>, options?: ProgressOptions): AsyncIterable<T>;
}
