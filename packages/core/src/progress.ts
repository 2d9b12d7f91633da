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

/** A step counter of one `track()` loop, while it runs. */
interface Tracker {
  index: number;
  length: number | null;
  unit: string;
  desc: string | null;
}

/**
 * Makes a {@link Progress} reporter. Each change calls `notify` with a function that reads
 * the current progress (outer `track()` loops first, then the last direct `progress(...)`
 * call). Reading is deferred so that a caller that throttles updates (the server sends at
 * most one every few tens of milliseconds) builds the list only when it sends it; a reader
 * called later sees the latest state.
 *
 * @example
 * const progress = createProgress((read) => send({ msg: "progress", progress_data: read() }));
 * progress(0.5, { desc: "Halfway" });
 * for (const file of progress.track(files, { unit: "files" })) await upload(file);
 */
export function createProgress(notify: (read: () => ProgressUnit[]) => void): Progress {
  const trackers: Tracker[] = [];
  let manual: ProgressUnit | null = null;

  const read = (): ProgressUnit[] => {
    const units: ProgressUnit[] = trackers.map((t) => ({
      index: t.index,
      length: t.length,
      unit: t.unit,
      progress: null,
      desc: t.desc,
    }));
    if (manual) units.push({ ...manual });
    return units;
  };

  const progress = ((value: number | [number, number | null], options: ProgressOptions = {}) => {
    manual = progressUnit(value, options);
    notify(read);
  }) as Progress;

  function begin(items: unknown, options: ProgressOptions): Tracker {
    const tracker: Tracker = {
      index: 0,
      length: options.total ?? lengthOf(items),
      unit: options.unit ?? "steps",
      desc: options.desc ?? null,
    };
    manual = null;
    trackers.push(tracker);
    notify(read);
    return tracker;
  }

  function end(tracker: Tracker): void {
    const at = trackers.lastIndexOf(tracker);
    if (at >= 0) trackers.splice(at, 1);
  }

  function* trackSync<T>(items: Iterable<T>, options: ProgressOptions): Generator<T, void, undefined> {
    const tracker = begin(items, options);
    try {
      for (const item of items) {
        yield item;
        tracker.index++;
        notify(read);
      }
    } finally {
      end(tracker);
    }
  }

  async function* trackAsync<T>(items: AsyncIterable<T>, options: ProgressOptions): AsyncGenerator<T, void, undefined> {
    const tracker = begin(items, options);
    try {
      for await (const item of items) {
        yield item;
        tracker.index++;
        notify(read);
      }
    } finally {
      end(tracker);
    }
  }

  progress.track = (<T>(items: Iterable<T> | AsyncIterable<T>, options: ProgressOptions = {}) => {
    const source = items as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null | undefined;
    if (typeof source?.[Symbol.iterator] === "function") return trackSync(items as Iterable<T>, options);
    if (typeof source?.[Symbol.asyncIterator] === "function") return trackAsync(items as AsyncIterable<T>, options);
    throw new TypeError("progress.track() takes an iterable or an async iterable");
  }) as Progress["track"];

  return progress;
}

/** The unit a direct `progress(value, options)` call reports. */
export function progressUnit(value: number | [number, number | null], options: ProgressOptions = {}): ProgressUnit {
  const unit = options.unit ?? "steps";
  const desc = options.desc ?? null;
  if (Array.isArray(value)) return { index: value[0], length: value[1] ?? null, unit, progress: null, desc };
  if (options.total !== undefined && options.total !== null) {
    return { index: value, length: options.total, unit, progress: null, desc };
  }
  return { index: null, length: null, unit, progress: value, desc };
}

/** The number of items of an array, string, Set, Map or any object with a numeric `length` or `size`. */
function lengthOf(items: unknown): number | null {
  const o = items as { length?: unknown; size?: unknown };
  if (typeof o.length === "number") return o.length;
  if (typeof o.size === "number") return o.size;
  return null;
}
