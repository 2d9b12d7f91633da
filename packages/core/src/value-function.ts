import { Block } from "./block.js";
import type { AnyComponent } from "./component.js";
import { Dependency, type ArgsOf, type ComponentList, type DependencyRegistry, type EventListener, type EventTarget } from "./events.js";

/**
 * A component's `value` given as a function, as in Gradio (`gr.Textbox(value=lambda: …)`): the
 * app calls it on every page load (each visitor gets a fresh value), again whenever one of its
 * `inputs` changes and, with `every`, on a Timer's ticks while the page is open. The component
 * is the output of those runs: a throw shows as that component's error, like any event's.
 *
 * When it takes no `inputs`, it is also called once when the component is made, and what it
 * returns is the value in the app's config (what the page shows before its first run ends), as
 * Gradio does; with `inputs`, or when it returns a promise or throws, the config holds no value.
 */

/** What a value function returns or resolves to: the component's value, or nothing. */
export type ValueResult<T> = T | null | undefined | Promise<T | null | undefined>;

/**
 * A value function taking the values of inputs `I` (none by default), typed from them as event
 * functions are: `inputs: [slider]` makes it take a number.
 */
export type ValueFunction<T, I extends ComponentList | undefined = undefined> = (...args: ArgsOf<I>) => ValueResult<T> | LiteralHint;

/** A value function whatever its inputs: what every component's `value` accepts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyValueFunction<T> = (...args: any[]) => ValueResult<T> | LiteralHint;

/**
 * A string literal no function returns, in the return type of value functions: it makes
 * TypeScript keep the literals a function returns (`() => "b"` fits a Radio of "a" | "b"), as
 * the hint in event functions does (see events.ts).
 */
type LiteralHint = "Return_the_component's_value";

/** A Timer as `every` takes it: a component that fires `tick` (`vt.Timer(…)`). */
export type TimerLike = AnyComponent & { readonly tick: EventListener };

/** Props that go with a value function (every component accepts them). */
export interface ValueFunctionProps {
  /**
   * When `value` is a function: re-run it on every tick of this Timer, or of a Timer made for it
   * that ticks every so many seconds (placed beside the component). No effect otherwise.
   */
  every?: number | TimerLike | null;
  /**
   * When `value` is a function: components whose current values it takes, in order; it re-runs
   * whenever one of them changes. No effect otherwise.
   */
  inputs?: ComponentList | null;
}

/**
 * Props `P` of a component whose `value` function is typed from its `inputs` (`I`): what a
 * generic component factory takes, so that `value: (n) => …` with `inputs: [slider]` gets
 * `n: number`, and a wrong annotation is a compile error.
 *
 * @example
 * function Textbox<const I extends ComponentList | undefined = undefined>(props: WithValueFunction<TextboxProps, I> = {}) { … }
 */
export type WithValueFunction<P extends { value?: unknown }, I extends ComponentList | undefined> = Omit<P, "value" | "inputs"> & {
  /** Components whose values the value function takes. */
  inputs?: I;
  /** The initial value, or a function that makes it (see {@link ValueFunction}). */
  value?: PlainValue<P> | null | ValueFunction<NonNullable<PlainValue<P>>, I>;
};

/** The value type of props `P`, without the function form. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PlainValue<P extends { value?: unknown }> = Exclude<P["value"], ((...args: any[]) => unknown) | undefined>;

/** What the app needs to run a component's value function, kept until the app is built. */
interface ValueFunctionSpec {
  readonly fn: (...args: unknown[]) => unknown;
  readonly inputs: readonly AnyComponent[];
  readonly timer: TimerLike | null;
  /** The apps (or render regions) it was attached to, and the dependency each made. */
  readonly attached: WeakMap<DependencyRegistry, Dependency>;
}

/** A value function split from the props that came with it, until the component exists. */
interface PendingValueFunction {
  readonly fn: (...args: unknown[]) => unknown;
  readonly inputs: readonly AnyComponent[];
  readonly every: number | TimerLike | null;
}

const pending = new WeakMap<object, PendingValueFunction>();
const specs = new WeakMap<Block, ValueFunctionSpec>();

/** Makes the Timer that `every: <seconds>` stands for; set by the Timer component's package. */
let makeTimer: ((seconds: number) => TimerLike) | null = null;

/**
 * Tells core how to make a Timer for `every: <seconds>` (core cannot import the Timer package,
 * which depends on it). `@vitrine/timer` calls it when it loads; the `vitrine` package loads it.
 */
export function registerEveryTimer(make: (seconds: number) => TimerLike): void {
  makeTimer = make;
}

/**
 * The props a component keeps, made from the props it was given: when `value` is a function, a
 * copy where `value` is the function's initial result (see the module's doc) and without
 * `every` and `inputs`, the function being set aside for {@link bindValueFunction}. Other props
 * come back as they are, minus `every` and `inputs` (which only a value function uses).
 * `ownsValueFunction` is true for components that call a function value themselves (State).
 */
export function splitValueFunction<P extends { value?: unknown; every?: unknown; inputs?: unknown }>(props: P, ownsValueFunction = false): P {
  if (props === null || typeof props !== "object") return props;
  const hasExtras = "every" in props || "inputs" in props;
  if (ownsValueFunction || typeof props.value !== "function") {
    if (!hasExtras) return props;
    const { every: _every, inputs: _inputs, ...rest } = props;
    return rest as P;
  }
  const fn = props.value as (...args: unknown[]) => unknown;
  const { every, inputs: rawInputs, value: _value, ...rest } = props;
  const inputs = checkInputs(rawInputs);
  checkEvery(every);
  const kept = { ...rest, value: inputs.length === 0 ? initialValue(fn) : undefined } as P;
  if (kept.value === undefined) delete kept.value;
  pending.set(kept, { fn, inputs, every: (every ?? null) as number | TimerLike | null });
  return kept;
}

/**
 * Binds the value function set aside for `props` (by {@link splitValueFunction}) to its
 * component, once the component exists: with `every` as a number of seconds, it makes a Timer
 * now, placed in the current builder scope right after the component, as Gradio does.
 */
export function bindValueFunction(component: AnyComponent, props: object): void {
  const found = pending.get(props);
  if (!found) return;
  pending.delete(props);
  let timer: TimerLike | null = null;
  if (typeof found.every === "number") {
    if (!makeTimer) {
      throw new Error("every: a number of seconds needs the Timer component: import @vitrine/timer (the vitrine package does)");
    }
    timer = makeTimer(found.every);
  } else if (found.every) {
    timer = found.every;
  }
  specs.set(component, { fn: found.fn, inputs: found.inputs, timer, attached: new WeakMap() });
}

/** Whether `component`'s value is made by a function (see {@link ValueFunction}). */
export function hasValueFunction(component: Block): boolean {
  return specs.has(component);
}

/**
 * The event that runs `component`'s value function in `app` (Gradio's `component.load_event`),
 * once the app is built; null when its value is not a function or it is not in that app.
 */
export function valueFunctionEvent(component: Block, app: DependencyRegistry): Dependency | null {
  return specs.get(component)?.attached.get(app) ?? null;
}

/**
 * Gives every component of `app` whose value is a function its event, once per app: it runs on
 * the app's `load`, on each input's `change` and on its Timer's `tick`, takes the inputs and
 * outputs to the component. Its progress shows only when nothing but the load runs it; its API
 * name is the function's name, else "lambda" (as in Gradio). A Timer not yet placed anywhere
 * (its component was made outside a builder, as an Interface's inputs are) joins the
 * component's parent.
 */
export function attachValueFunctions(app: DependencyRegistry & Block & { blocks(): Block[]; add(child: Block): void }): void {
  for (const block of app.blocks()) {
    const spec = specs.get(block);
    if (!spec || spec.attached.has(app)) continue;
    const component = block as AnyComponent;
    if (spec.timer && !spec.timer.parent) (component.parent ?? app).add(spec.timer);
    const triggers: EventTarget[] = [];
    for (const input of spec.inputs) {
      if (typeof (input as { change?: unknown }).change === "function") triggers.push([input, "change"]);
    }
    if (spec.timer) triggers.push([spec.timer, "tick"]);
    const dep = new Dependency(app, [...triggers, [app, "load"]], {
      fn: spec.fn as never,
      inputs: spec.inputs as never,
      outputs: [component] as never,
      api_name: apiNameOf(spec.fn),
      show_progress: triggers.length > 0 ? "hidden" : "full",
    });
    dep.id = app.registerDependency(dep);
    spec.attached.set(app, dep);
  }
}

/** The endpoint's name: the function's own, else "lambda" (an arrow function written as `value: () => …` is named "value"). */
function apiNameOf(fn: (...args: unknown[]) => unknown): string {
  const name = fn.name;
  return name && name !== "value" && /^[A-Za-z_$][\w$]*$/.test(name) ? name : "lambda";
}

/** Calls a value function with no inputs for the config's value; a promise or a throw gives none (the page load runs it again). */
function initialValue(fn: (...args: unknown[]) => unknown): unknown {
  try {
    const result = fn();
    if (typeof (result as PromiseLike<unknown> | null)?.then === "function") {
      // Never left unhandled: a rejection shows when the page load runs the function.
      Promise.resolve(result).catch(() => undefined);
      return undefined;
    }
    return result ?? undefined;
  } catch {
    return undefined;
  }
}

function checkInputs(inputs: unknown): readonly AnyComponent[] {
  if (inputs === undefined || inputs === null) return [];
  const list = Array.isArray(inputs) ? inputs : [inputs];
  for (const c of list) {
    if (!(c instanceof Block) || typeof (c as { preprocess?: unknown }).preprocess !== "function") {
      throw new TypeError("inputs of a value function must be components (one, or a list)");
    }
  }
  return list as AnyComponent[];
}

function checkEvery(every: unknown): void {
  if (every === undefined || every === null) return;
  if (typeof every === "number") {
    if (!(Number.isFinite(every) && every > 0)) throw new RangeError(`every must be a positive number of seconds or a Timer, got ${every}`);
    return;
  }
  if (!(every instanceof Block) || typeof (every as { tick?: unknown }).tick !== "function") {
    throw new TypeError("every must be a positive number of seconds or a Timer");
  }
}
