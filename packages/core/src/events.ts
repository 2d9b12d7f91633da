import { rootScope, type Block, type Container } from "./block.js";
import type { AnyComponent, ReturnOf, ValueOf } from "./component.js";
import type { EventContext } from "./context.js";
import { unknownOptionError } from "./options.js";
import type { Update } from "./update.js";

/** Name of an event a block fires (`click`, `change`, `submit`, …). */
export type EventName = string;

/** Inputs or outputs of an event: one component or a list of them. */
export type ComponentList = AnyComponent | readonly AnyComponent[];

/**
 * What an event can output to: a component, or a layout (Row, Column, Group, Tabs, Accordion,
 * Sidebar, …), whose props a function changes by returning an update
 * (`vt.update({ visible: false })`, `vt.update({ selected: "b" })`, `vt.update({ open: true })`).
 */
export type AnyOutput = AnyComponent | Container;

/** Outputs of an event: one component or layout, or a list of them. */
export type OutputList = AnyOutput | readonly AnyOutput[];

/** The positional arguments an event function receives for inputs `I`. */
export type ArgsOf<I> = I extends readonly AnyComponent[]
  ? { -readonly [K in keyof I]: ValueOf<I[K]> }
  : I extends AnyComponent
    ? [ValueOf<I>]
    : [];

/** What a function may return for one output `C`: its value, or an {@link Update} of its props. */
export type OutputOf<C> = ReturnOf<C> | Update<ReturnOf<C>>;

/**
 * What an event function returns for outputs `O`: nothing for no outputs, the bare value
 * for one output, and a tuple for several (as in Gradio).
 *
 * A function written in the listener returns a plain array literal, annotated parameters or
 * not, sync, async or generator: `fn: (s: string) => [s, s.length]` is read as the tuple
 * `[string, number]` (see {@link EventFn}). Only an array built elsewhere — a variable, or a
 * function declared apart from the listener and passed by name — is a list to TypeScript, not
 * a tuple: return it `as const` or declare the function's return type. The error then names
 * {@link Return_a_tuple_with_as_const}.
 *
 * @example
 * function greet(name: string) { return [`Hello ${name}`, name.length] as const; }
 * button.click({ fn: greet, inputs: [name], outputs: [greeting, length] });
 */
export type ResultOf<O> = O extends readonly []
  ? void
  : O extends readonly [infer C]
    ? OutputOf<C>
    : O extends readonly AnyOutput[]
      ? { readonly [K in keyof O]: OutputOf<O[K]> }
      : O extends AnyOutput
        ? OutputOf<O>
        : void;

/**
 * A type no value has, in the return type of every event function. TypeScript reads a
 * function written inside a listener's options before it knows the outputs; this member of
 * its expected return type makes it read the array literals the function returns as tuples,
 * keeping their string and number literals (so `["add", 1]` fits a Radio and a Number), as
 * `as const` would but without `readonly`.
 *
 * When its name shows in an error, the function returns a list where a tuple is expected:
 * write `return [a, b] as const` (or declare the return type, `(): [string, number] => …`).
 */
export interface Return_a_tuple_with_as_const {
  readonly 0: TupleHint;
  readonly [index: number]: TupleHint;
}

/** The hint, with a string and a number literal that no one returns (they keep literals literal). */
type TupleHint = Return_a_tuple_with_as_const | "Return_a_tuple_with_as_const" | -1.2345e-300;

/** What a function with no outputs may return: anything (it is ignored), as in Gradio. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type Ignored = {} | null | undefined | void;

/**
 * What the function behind an event returns, hint included: anything for no outputs (spelled
 * out, since `unknown` would swallow the hint, and no outputs is what TypeScript assumes while
 * it reads the function), the output's value for one output (no hint: its errors stay short),
 * the tuple for several.
 */
type ReturnFor<O> =
  ListOf<O> extends readonly []
    ? Ignored | TupleHint
    : ListOf<O> extends readonly [AnyComponent]
      ? ResultOf<O>
      : ResultOf<O> | TupleHint;

/** The components of `L` as a list type (one component becomes a one-element tuple). */
type ListOf<L> = L extends readonly AnyOutput[] ? L : L extends AnyOutput ? readonly [L] : readonly [];

/** A batch function's arguments: one list per input. */
export type BatchArgsOf<I> = I extends readonly AnyComponent[]
  ? { -readonly [K in keyof I]: ValueOf<I[K]>[] }
  : I extends AnyComponent
    ? [ValueOf<I>[]]
    : [];

/** A batch function's result: one list per output, always a tuple (even for one output). */
export type BatchResultOf<O> = ListOf<O> extends infer L ? { readonly [K in keyof L]: OutputOf<L[K]>[] } : never;

/** A batch function (`batch: true`): lists in, lists out, one entry per gathered call. */
export type BatchFn<I, O, D = unknown> = (
  ...args: [...BatchArgsOf<I>, EventContext<D>, ...undefined[]]
) => BatchResultOf<O> | Promise<BatchResultOf<O>>;

/** A plain, async, generator or async generator function's result; each yield streams an output. */
export type FnResult<T> =
  | T
  | Promise<T>
  | Generator<T, T | void, unknown>
  | AsyncGenerator<T, T | void, unknown>;

/**
 * An event function typed from its input and output components: it takes one argument per
 * input and the {@link EventContext}, and returns (or resolves to, or yields) {@link ResultOf}
 * its outputs. Array literals it returns are read as tuples, as
 * {@link Return_a_tuple_with_as_const} explains.
 *
 * The trailing `...undefined[]` says what is true at run time (a parameter after the context
 * receives `undefined`); it also lets TypeScript read a function with more parameters than it
 * yet knows inputs for, which it does before it has inferred the inputs.
 */
export type EventFn<I, O, D = unknown> = (...args: [...ArgsOf<I>, EventContext<D>, ...undefined[]]) => FnResult<ReturnFor<O>>;

/** A client-side function: the JavaScript source of a function, or a function (sent as its source). */
export type JsFunction = string | ((...args: any[]) => unknown);

/**
 * Options of an event listener, as in Gradio's `.click(...)`, `.change(...)`, …. With
 * `batch: true` (`B`), `fn` is a batch function: lists in, lists out. `D` is the data the
 * event carries (`ctx.event` in `fn`).
 */
export type EventOptions<
  I extends ComponentList | undefined,
  O extends OutputList | undefined,
  B extends boolean = false,
  D = unknown,
> = CommonEventOptions<I, O> & {
  /** Whether `fn` takes lists of inputs gathered from waiting calls (default false). */
  batch?: B;
  /** Most calls gathered into one batch (with `batch: true`). Default 4. */
  max_batch_size?: number;
} & (B extends true
    ? {
        /** The batch function: one list per input in, one list per output out. */
        fn: NoInfer<BatchFn<I, O, D>>;
      }
    : {
        /** The function to run; `null` for an event that only runs `js` or chains. */
        fn?: NoInfer<EventFn<I, O, D>> | null;
      });

/** Options every event listener takes, whatever its function. */
export interface CommonEventOptions<I extends ComponentList | undefined, O extends OutputList | undefined> {
  /** Components whose values are passed to `fn`, in order. */
  inputs?: I;
  /** Components that receive `fn`'s return value, in order. */
  outputs?: O;
  /**
   * Name of the API endpoint (`/name`). Defaults to the function's name; `false` hides
   * the endpoint from the API entirely.
   */
  api_name?: string | false | null;
  /** Description shown on the API page. */
  api_description?: string | null;
  /** Whether the endpoint is listed on the API page and in `/info` (default true). */
  show_api?: boolean;
  /** Whether the event goes through the queue (default true). */
  queue?: boolean;
  /**
   * How many runs of this event may run at once: a number, `null` for unlimited, or
   * `"default"` for the app's default (1 unless set).
   */
  concurrency_limit?: number | null | "default";
  /** Events sharing a concurrency id share one limit. Defaults to the event's own id. */
  concurrency_id?: string | null;
  /** How progress is shown over the outputs. */
  show_progress?: "full" | "minimal" | "hidden";
  /** Whether the page scrolls to the outputs when the event completes. */
  scroll_to_output?: boolean;
  /** Events to cancel when this one is triggered (waiting ones are dropped, running ones aborted). */
  cancels?: Dependency | readonly Dependency[];
  /**
   * What a new trigger does while this event is pending: "once" ignores it, "multiple" runs
   * it too, "always_last" runs the latest once the pending one ends. Default "once", except
   * "always_last" for `change` events.
   */
  trigger_mode?: "once" | "multiple" | "always_last";
  /**
   * Re-run the event every this many seconds while the page is open, starting from its first
   * trigger (for `app.load(...)`, from page load). A run still going when the next one is due
   * follows `trigger_mode` ("once" skips it). For a period that can change or pause, listen to
   * a `Timer`'s `tick` instead.
   */
  every?: number | null;
  /**
   * A client-side function, run in the browser with the wire values of the inputs followed by
   * those of the outputs. With `fn`, it runs first and what it returns replaces the inputs
   * sent to `fn`; without `fn`, it runs instead and what it returns sets the outputs. It may
   * be async; a non-array result stands for a one-element list. Pass the source as a string
   * (`"(x) => x.toUpperCase()"`), or a self-contained function (sent as its source text: it
   * cannot use anything from its surrounding scope).
   *
   * @example
   * button.click({ fn: null, js: "(a, b) => [b, a]", inputs: [x, y], outputs: [x, y] });
   */
  js?: JsFunction | null;
  /** Whether inputs are preprocessed before `fn` (default true); `false` passes wire values. */
  preprocess?: boolean;
  /** Whether outputs are postprocessed after `fn` (default true); `false` sends them as returned. */
  postprocess?: boolean;
  /**
   * For a `stream` event (a webcam or microphone with `streaming: true`): seconds between two
   * chunks the page sends while streaming (default 0.5).
   */
  stream_every?: number;
  /**
   * For a `stream` event: the longest a stream may run, in seconds; the server ends it then
   * (and the page stops sending). `null` (default) for no limit.
   */
  time_limit?: number | null;
  /**
   * With a queue shared by several processes (Redis): if the process running an event dies,
   * run it again in another process instead of failing it. Only for functions that are safe
   * to run twice. Default false.
   */
  retry?: boolean;
}

/**
 * A listener method: `button.click({ fn, inputs, outputs })`. It knows its block and event, for
 * `vt.on`. `D` is the data the event carries, which types `ctx.event` in the function.
 */
export interface EventListener<D = unknown> {
  <
    const I extends ComponentList | undefined = undefined,
    const O extends OutputList | undefined = undefined,
    const B extends boolean = false,
  >(
    options: EventOptions<I, O, B, D>,
  ): Dependency;
  /** The block that fires the event. */
  readonly block: Block;
  /** The event's name. */
  readonly event: EventName;
}

/** Makes the listener method for one event of a block. */
export function eventListener(block: Block, event: EventName): EventListener {
  const listener = (options: AnyEventOptions) => listen([[block, event]], options);
  return Object.assign(listener, { block, event }) as EventListener;
}

/**
 * Binds one function to several triggers, as Gradio's `gr.on`.
 *
 * @example vt.on([name.submit, button.click], { fn: greet, inputs: [name], outputs: [out] });
 */
export function on<
    const I extends ComponentList | undefined = undefined,
    const O extends OutputList | undefined = undefined,
    const B extends boolean = false,
    D = unknown,
  >(
  triggers: EventListener<D> | readonly EventListener<D>[],
  options: EventOptions<I, O, B, NoInfer<D>>,
): Dependency {
  const list = (Array.isArray(triggers) ? triggers : [triggers]) as readonly EventListener<D>[];
  return listen(
    list.map((t) => [t.block, t.event] as const),
    options as AnyEventOptions,
  );
}

/** A target of an event: the block and the event name. */
export type EventTarget = readonly [Block, EventName];

/** Somewhere dependencies can be registered (an app being built). */
export interface DependencyRegistry {
  /** Adds an event wiring; returns its `fn_index`. */
  registerDependency(dep: Dependency): number;
}

function isRegistry(value: unknown): value is DependencyRegistry {
  return typeof (value as DependencyRegistry | null)?.registerDependency === "function";
}

/**
 * One event wiring: targets → function → outputs. Its `id` is the `fn_index` on the wire.
 * Chain another with `.then(...)`.
 */
export class Dependency {
  /** The `fn_index` of this dependency in its app. */
  id = -1;
  /** Final API name, after defaults and de-duplication (`null` when unnamed or hidden). */
  apiName: string | null = null;
  /** Components whose values the function gets, in argument order. */
  readonly inputs: readonly AnyComponent[];
  /** Components and layouts that receive the function's results (a layout takes updates only). */
  readonly outputs: readonly AnyOutput[];

  constructor(
    readonly registry: DependencyRegistry,
    readonly targets: readonly EventTarget[],
    readonly options: AnyEventOptions,
    /** The dependency after which this one runs (`.then`, `.success`, `.failure`), if any. */
    readonly triggerAfter: Dependency | null = null,
    /** When a chained dependency runs: after any outcome, only success, or only failure. */
    readonly triggerWhen: "always" | "success" | "failure" = "always",
  ) {
    checkOptions(options);
    this.inputs = listOf<AnyComponent>(options.inputs);
    this.outputs = listOf<AnyOutput>(options.outputs);
  }

  /** The event function, typed loosely for the runtime. */
  get fn(): ((...args: unknown[]) => unknown) | null {
    return (this.options.fn as ((...args: unknown[]) => unknown) | null | undefined) ?? null;
  }

  /** Whether the function is a generator (its yields stream). */
  get isGenerator(): boolean {
    const name = this.fn?.constructor?.name;
    return name === "GeneratorFunction" || name === "AsyncGeneratorFunction";
  }

  /** The events this one cancels when triggered. */
  get cancels(): readonly Dependency[] {
    return listOf(this.options.cancels);
  }

  /** The concurrency group of this event: its `concurrency_id`, else its own id. */
  get concurrencyId(): string {
    return this.options.concurrency_id ?? String(this.id);
  }

  /** Whether this event goes through the queue. */
  get queued(): boolean {
    return this.options.queue ?? true;
  }

  /** Runs another event after this one completes successfully. */
  success<
    const I extends ComponentList | undefined = undefined,
    const O extends OutputList | undefined = undefined,
    const B extends boolean = false,
  >(
    options: EventOptions<I, O, B>,
  ): Dependency {
    return this.chain(options, "success");
  }

  /** Runs another event after this one fails. */
  failure<
    const I extends ComponentList | undefined = undefined,
    const O extends OutputList | undefined = undefined,
    const B extends boolean = false,
  >(
    options: EventOptions<I, O, B>,
  ): Dependency {
    return this.chain(options, "failure");
  }

  /** Runs another event after this one completes, whatever its outcome. */
  then<
    const I extends ComponentList | undefined = undefined,
    const O extends OutputList | undefined = undefined,
    const B extends boolean = false,
  >(
    options: EventOptions<I, O, B>,
  ): Dependency {
    return this.chain(options, "always");
  }

  private chain(options: unknown, when: "always" | "success" | "failure"): Dependency {
    return register(new Dependency(this.registry, [], options as AnyEventOptions, this, when));
  }
}

/** Event options with the component types erased, as the runtime sees them. */
export type AnyEventOptions = EventOptions<ComponentList | undefined, OutputList | undefined, boolean>;

const TRIGGER_MODES = ["once", "multiple", "always_last"];
const PROGRESS_MODES = ["full", "minimal", "hidden"];

/** Every option a listener takes (checked against {@link AnyEventOptions} below). */
const OPTION_NAMES = [
  "fn",
  "inputs",
  "outputs",
  "api_name",
  "api_description",
  "show_api",
  "queue",
  "concurrency_limit",
  "concurrency_id",
  "show_progress",
  "scroll_to_output",
  "cancels",
  "trigger_mode",
  "every",
  "js",
  "preprocess",
  "postprocess",
  "batch",
  "max_batch_size",
  "stream_every",
  "time_limit",
  "retry",
] as const satisfies readonly (keyof AnyEventOptions)[];
/** Compile-time check that {@link OPTION_NAMES} lists every option; a new option not listed fails here. */
type UnlistedOption = Exclude<keyof AnyEventOptions, (typeof OPTION_NAMES)[number]>;
const allOptionsListed: [UnlistedOption] extends [never] ? true : UnlistedOption = true;
void allOptionsListed;

/** Rejects unknown options (a typo would otherwise be ignored) and values the page could not act on. */
function checkOptions(o: AnyEventOptions): void {
  if (typeof o !== "object" || o === null) throw new TypeError("An event listener takes an options object: { fn, inputs, outputs, … }");
  for (const key of Object.keys(o)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) throw unknownOptionError(key, OPTION_NAMES);
  }
  const every = o.every;
  if (every !== undefined && every !== null && !(typeof every === "number" && Number.isFinite(every) && every > 0)) {
    throw new TypeError(`every must be a positive number of seconds, got ${JSON.stringify(every)}`);
  }
  if (o.stream_every !== undefined && !(typeof o.stream_every === "number" && Number.isFinite(o.stream_every) && o.stream_every > 0)) {
    throw new TypeError(`stream_every must be a positive number of seconds, got ${JSON.stringify(o.stream_every)}`);
  }
  const limit = o.time_limit;
  if (limit !== undefined && limit !== null && !(typeof limit === "number" && Number.isFinite(limit) && limit > 0)) {
    throw new TypeError(`time_limit must be a positive number of seconds or null, got ${JSON.stringify(limit)}`);
  }
  if (o.trigger_mode !== undefined && !TRIGGER_MODES.includes(o.trigger_mode)) {
    throw new TypeError(`trigger_mode must be "once", "multiple" or "always_last", got ${JSON.stringify(o.trigger_mode)}`);
  }
  if (o.show_progress !== undefined && !PROGRESS_MODES.includes(o.show_progress)) {
    throw new TypeError(`show_progress must be "full", "minimal" or "hidden", got ${JSON.stringify(o.show_progress)}`);
  }
  if (o.js !== undefined && o.js !== null && typeof o.js !== "string" && typeof o.js !== "function") {
    throw new TypeError("js must be the source of a function (a string) or a function");
  }
  for (const c of listOf<unknown>(o.cancels)) {
    if (!(c instanceof Dependency)) throw new TypeError("cancels takes the dependencies returned by event listeners");
  }
}

/** One item or a list of them, as a list (nothing → empty). */
function listOf<T>(value: T | readonly T[] | undefined | null): readonly T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function register(dep: Dependency): Dependency {
  dep.id = dep.registry.registerDependency(dep);
  return dep;
}

/**
 * Registers an event for the given targets in the app currently being built.
 * Listener methods (`button.click`) and `vt.on` both come here.
 */
export function listen(targets: readonly EventTarget[], options: AnyEventOptions): Dependency {
  const root = rootScope();
  if (!isRegistry(root)) {
    throw new Error("Event listeners must be attached inside a Blocks builder callback");
  }
  return register(new Dependency(root, targets, options));
}
