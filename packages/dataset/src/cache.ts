import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  createProgress,
  isUpdate,
  logEntry,
  printLog,
  type AnyComponent,
  type AnyOutput,
  type EventContext,
  type LogOptions,
} from "@vitrine/core";

/** When cached outputs are computed: all at start (`"eager"`), or each on its first click (`"lazy"`). */
export type CacheMode = "eager" | "lazy";

/** Where cached examples live unless `VITRINE_EXAMPLES_CACHE` says otherwise (relative to the working directory). */
export const DEFAULT_EXAMPLES_CACHE = join(".vitrine", "cached_examples");

/** Name of the file, in an examples set's folder, holding its cached outputs. */
export const CACHE_FILE = "log.json";

/** What the cache file holds. */
export interface CacheFileContent {
  /** The {@link ExamplesCache.key} the outputs were computed for; another key means stale. */
  key: string;
  /** Component types of the inputs and the outputs, for whoever reads the file. */
  inputs: string[];
  /** Component types of the outputs. */
  outputs: string[];
  /** Per example (by index): the outputs' wire values, or `null` while not computed. */
  examples: (unknown[] | null)[];
}

/** Options of an {@link ExamplesCache}. */
export interface ExamplesCacheOptions {
  /** Name of the folder under the cache root (the examples' id). */
  id: string;
  /** Every input component, in the order of `fn`'s parameters. */
  inputs: readonly AnyComponent[];
  /** The output components (or layouts) `fn` returns values for. */
  outputs: readonly AnyOutput[];
  /** The function whose outputs are cached; it takes one argument per input, then the event context. */
  fn: (...args: unknown[]) => unknown;
  /** Whether `fn` is a batch function (a list per input in, a list per output out): it gets batches of one. */
  batch?: boolean;
  /** The examples: one value per input each (null for none). */
  examples: readonly (readonly unknown[])[];
  /** Eager or lazy. */
  mode: CacheMode;
  /** How the examples are named in errors. Default "Examples". */
  name?: string;
  /** The cache root; by default `VITRINE_EXAMPLES_CACHE` or `.vitrine/cached_examples`, resolved when first used. */
  root?: string;
}

/**
 * The cached outputs of a set of examples, as wire values (what the page receives), kept in
 * `<root>/<id>/log.json` and reused after a restart while {@link ExamplesCache.key} is the same.
 * The key is a hash of the examples, the types of the inputs and outputs, and the source of
 * `fn`: changing any of them computes the outputs again. (A change `fn`'s source does not show,
 * such as a new model behind it, does not: delete the folder then.)
 */
export class ExamplesCache {
  /** Hex SHA-256 of what the outputs depend on. */
  readonly key: string;
  /** When the outputs are computed: at startup, or lazily on first click. */
  readonly mode: CacheMode;
  private readonly options: ExamplesCacheOptions;
  private outputs: (unknown[] | null)[] | null = null;
  private preparing: Promise<void> | null = null;
  private readonly pending = new Map<number, Promise<unknown[]>>();

  constructor(options: ExamplesCacheOptions) {
    this.options = options;
    this.mode = options.mode;
    this.key = cacheKey(options.examples, options.inputs, options.outputs, options.fn);
  }

  /** The folder of this set's cache file (resolved against the working directory when first asked). */
  get dir(): string {
    const root = this.options.root ?? process.env.VITRINE_EXAMPLES_CACHE ?? DEFAULT_EXAMPLES_CACHE;
    return resolve(root, this.options.id);
  }

  /** The cache file. */
  get file(): string {
    return join(this.dir, CACHE_FILE);
  }

  /** The cached outputs of example `index`, if they are computed (wire values, one per output). */
  cached(index: number): readonly unknown[] | undefined {
    return this.load()[index] ?? undefined;
  }

  /**
   * Computes the outputs of every example not cached yet (eager mode's start task), once:
   * later calls share the first one's promise. The file is rewritten after each example.
   */
  prepare(): Promise<void> {
    this.preparing ??= (async () => {
      const outputs = this.load();
      for (let i = 0; i < this.options.examples.length; i++) {
        if (!outputs[i]) await this.ensure(i);
      }
    })();
    return this.preparing;
  }

  /**
   * The outputs of example `index`: from the cache, or computed (and stored) now. In eager
   * mode it waits for {@link ExamplesCache.prepare} to finish. `context` is passed to `fn` when
   * it runs (a click's own context, for progress and cancellation).
   */
  async outputsOf(index: number, context?: EventContext): Promise<unknown[]> {
    if (this.mode === "eager" && this.preparing && !this.load()[index]) await this.preparing;
    return this.ensure(index, context);
  }

  /** The outputs of example `index`, cached or computed now (one run at a time per example). */
  private ensure(index: number, context?: EventContext): Promise<unknown[]> {
    const example = this.options.examples[index];
    if (!example) {
      return Promise.reject(new RangeError(`${this.name}: there is no example ${index} (there are ${this.options.examples.length})`));
    }
    const known = this.load()[index];
    if (known) return Promise.resolve(known);
    let running = this.pending.get(index);
    if (!running) {
      running = this.compute(index, example, context).finally(() => this.pending.delete(index));
      this.pending.set(index, running);
    }
    return running;
  }

  private get name(): string {
    return this.options.name ?? "Examples";
  }

  private async compute(index: number, example: readonly unknown[], context?: EventContext): Promise<unknown[]> {
    let values: unknown[];
    try {
      const { inputs, outputs, fn, batch } = this.options;
      const args = inputs.map((c, i) => c.preprocess(c.postprocess(example[i] ?? null)));
      const result = await finalValue(fn(...(batch ? args.map((a) => [a]) : args), context ?? startContext()));
      const returned = batch ? firstOfEach(result, outputs.length) : outputs.length === 1 ? [result] : result;
      if (!Array.isArray(returned) || returned.length !== outputs.length) {
        const got = Array.isArray(returned) ? `${returned.length} values` : typeof returned;
        throw new Error(`fn has ${outputs.length} outputs and must return ${outputs.length} values; it returned ${got}`);
      }
      values = outputs.map((c, i) => toWire(c, returned[i]));
      JSON.stringify(values); // Only JSON survives the file: fail here rather than at the next start.
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`${this.name}: caching example ${index} failed: ${reason}`, { cause: err });
    }
    const outputs = this.load();
    outputs[index] = values;
    this.save(outputs);
    return values;
  }

  /** The cached outputs, read from the file on first use (a missing, unreadable or stale file reads as empty). */
  private load(): (unknown[] | null)[] {
    if (this.outputs) return this.outputs;
    const empty = this.options.examples.map(() => null);
    let content: Partial<CacheFileContent> | null = null;
    try {
      content = JSON.parse(readFileSync(this.file, "utf8")) as Partial<CacheFileContent>;
    } catch {
      content = null;
    }
    const usable =
      content?.key === this.key &&
      Array.isArray(content.examples) &&
      content.examples.length === empty.length &&
      content.examples.every((row) => row === null || (Array.isArray(row) && row.length === this.options.outputs.length));
    this.outputs = usable ? content!.examples!.map((row) => (row ? [...row] : null)) : empty;
    return this.outputs;
  }

  /** Writes the cache file atomically (a temporary file renamed over it). */
  private save(outputs: (unknown[] | null)[]): void {
    const content: CacheFileContent = {
      key: this.key,
      inputs: this.options.inputs.map((c) => c.type),
      outputs: this.options.outputs.map((c) => c.type),
      examples: outputs,
    };
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
    renameSync(temporary, this.file);
  }
}

/**
 * The key of a set of cached examples: a hash of the examples, the input and output types
 * and `fn`'s source.
 */
export function cacheKey(
  examples: readonly (readonly unknown[])[],
  inputs: readonly AnyComponent[],
  outputs: readonly AnyOutput[],
  fn: (...args: never[]) => unknown,
): string {
  const described = {
    version: 1,
    inputs: inputs.map((c) => c.type),
    outputs: outputs.map((c) => c.type),
    examples,
    fn: Function.prototype.toString.call(fn),
  };
  return createHash("sha256").update(JSON.stringify(described)).digest("hex");
}

/** An output value as the page receives it: postprocessed, an update with its value postprocessed. */
function toWire(output: AnyOutput, value: unknown): unknown {
  const component = output as Partial<AnyComponent>;
  if (typeof component.postprocess !== "function") {
    if (value === null || value === undefined) return null;
    if (isUpdate(value) && value.value === undefined) return value;
    throw new Error(`an output is a ${output.type} (a layout): return vt.update({ ... }) for it, not a value`);
  }
  if (!isUpdate(value)) return component.postprocess(value);
  if (value.value === undefined) return value;
  return { ...value, value: component.postprocess(value.value) };
}

/** A batch function's result for a batch of one: the first item of each output's list. */
function firstOfEach(result: unknown, outputs: number): unknown[] {
  if (!Array.isArray(result) || result.length !== outputs || !result.every(Array.isArray)) {
    throw new Error(`the batch function must return ${outputs} list(s), one per output`);
  }
  return result.map((list: unknown[]) => list[0]);
}

/** What a function returned, or for a generator, what it yielded last (its return value, if any, wins). */
async function finalValue(result: unknown): Promise<unknown> {
  const value = await result;
  if (!isIterator(value)) return value;
  let last: unknown = undefined;
  for (;;) {
    const step = await value.next();
    if (step.done) return step.value === undefined ? last : step.value;
    last = step.value;
  }
}

function isIterator(value: unknown): value is Iterator<unknown> | AsyncIterator<unknown> {
  if (typeof value !== "object" || value === null) return false;
  const it = value as { next?: unknown; [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown };
  return typeof it.next === "function" && (typeof it[Symbol.iterator] === "function" || typeof it[Symbol.asyncIterator] === "function");
}

/**
 * The event context `fn` gets when it runs at start: no request, no session, progress dropped,
 * messages printed. (Built loosely: the context grows fields that mean nothing here.)
 */
function startContext(): EventContext {
  const say = (level: "info" | "warning") => (message: string, options?: LogOptions) => printLog(logEntry(level, message, options));
  const session = "cached-examples";
  const context = {
    signal: new AbortController().signal,
    session: { hash: session },
    request: { headers: {}, query: {}, client: { host: null }, path: "", session_hash: session, username: null },
    event: { target: null, data: null },
    progress: createProgress(() => undefined),
    info: say("info"),
    warning: say("warning"),
  };
  return context as unknown as EventContext;
}
