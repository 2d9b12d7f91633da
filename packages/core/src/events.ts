import { rootScope, type Block } from "./block.js";
import type { AnyComponent, ReturnOf, ValueOf } from "./component.js";
import type { EventContext } from "./context.js";

/** Name of an event a block fires (`click`, `change`, `submit`, …). */
export type EventName = string;

/** Inputs or outputs of an event: one component or a list of them. */
export type ComponentList = AnyComponent | readonly AnyComponent[];

/** The positional arguments an event function receives for inputs `I`. */
export type ArgsOf<I> = I extends readonly AnyComponent[]
  ? { -readonly [K in keyof I]: ValueOf<I[K]> }
  : I extends AnyComponent
    ? [ValueOf<I>]
    : [];

/**
 * What an event function returns for outputs `O`: nothing for no outputs, the bare value
 * for one output, and a tuple for several (as in Gradio).
 */
export type ResultOf<O> = O extends readonly []
  ? void
  : O extends readonly [infer C]
    ? ReturnOf<C>
    : O extends readonly AnyComponent[]
      ? { -readonly [K in keyof O]: ReturnOf<O[K]> }
      : O extends AnyComponent
        ? ReturnOf<O>
        : void;

/** A plain, async, generator or async generator function's result; each yield streams an output. */
export type FnResult<T> =
  | T
  | Promise<T>
  | Generator<T, T | void, unknown>
  | AsyncGenerator<T, T | void, unknown>;

/** An event function typed from its input and output components. */
export type EventFn<I, O> = (...args: [...ArgsOf<I>, EventContext]) => FnResult<ResultOf<O>>;

/** Options of an event listener, as in Gradio's `.click(...)`, `.change(...)`, …. */
export interface EventOptions<I extends ComponentList | undefined, O extends ComponentList | undefined> {
  /** The function to run; `null` for an event that only runs `js` or chains. */
  fn?: NoInfer<EventFn<I, O>> | null;
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
}

/** A listener method: `button.click({ fn, inputs, outputs })`. */
export interface EventListener {
  <const I extends ComponentList | undefined = undefined, const O extends ComponentList | undefined = undefined>(
    options: EventOptions<I, O>,
  ): Dependency;
}

/** A target of an event: the block and the event name. */
export type EventTarget = readonly [Block, EventName];

/** Somewhere dependencies can be registered (an app being built). */
export interface DependencyRegistry {
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
  readonly inputs: readonly AnyComponent[];
  readonly outputs: readonly AnyComponent[];

  constructor(
    readonly registry: DependencyRegistry,
    readonly targets: readonly EventTarget[],
    readonly options: EventOptions<ComponentList | undefined, ComponentList | undefined>,
    /** The dependency after which this one runs (`.then`), if any. */
    readonly triggerAfter: Dependency | null = null,
  ) {
    this.inputs = toList(options.inputs);
    this.outputs = toList(options.outputs);
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

  /** Whether this event goes through the queue. */
  get queued(): boolean {
    return this.options.queue ?? true;
  }

  /** Runs another event after this one completes, whatever its outcome. */
  then<const I extends ComponentList | undefined = undefined, const O extends ComponentList | undefined = undefined>(
    options: EventOptions<I, O>,
  ): Dependency {
    return register(
      new Dependency(
        this.registry,
        [],
        options as EventOptions<ComponentList | undefined, ComponentList | undefined>,
        this,
      ),
    );
  }
}

function toList(list: ComponentList | undefined): readonly AnyComponent[] {
  if (list === undefined) return [];
  return Array.isArray(list) ? list : [list as AnyComponent];
}

function register(dep: Dependency): Dependency {
  dep.id = dep.registry.registerDependency(dep);
  return dep;
}

/**
 * Registers an event for the given targets in the app currently being built.
 * Listener methods (`button.click`) and `vt.on` both come here.
 */
export function listen(
  targets: readonly EventTarget[],
  options: EventOptions<ComponentList | undefined, ComponentList | undefined>,
): Dependency {
  const root = rootScope();
  if (!isRegistry(root)) {
    throw new Error("Event listeners must be attached inside a Blocks builder callback");
  }
  return register(new Dependency(root, targets, options));
}
