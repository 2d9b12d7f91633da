import { Tab, Tabs, isUpdate, rootScope, unknownOptionError, type AnyComponent, type EventContext } from "@vitrine/core";
import { Markdown } from "@vitrine/markdown";
import { App } from "./app.js";
import { copyComponent } from "./copy.js";
import { INTERFACE_OPTION_NAMES, Interface, pageProps, type InterfaceComponents, type InterfaceOptions } from "./interface.js";

/** Any Interface, whatever its components. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyInterface = Interface<any, any, boolean>;

/**
 * Options of a `Parallel` or a `Series`: those of an Interface but its function and components,
 * which come from the Interfaces it is made of.
 */
export type ComposeOptions = Omit<
  InterfaceOptions<InterfaceComponents, InterfaceComponents>,
  "fn" | "inputs" | "outputs" | "examples" | "batch" | "max_batch_size"
> & {
  /** Example inputs, one row per example (as an Interface's `examples`). */
  examples?: readonly unknown[];
};

/** Options of a {@link TabbedInterface}: its page. */
export type TabbedInterfaceOptions = Pick<
  InterfaceOptions<InterfaceComponents, InterfaceComponents>,
  "title" | "theme" | "css" | "js" | "head" | "fill_height" | "fill_width"
>;

/** What a TabbedInterface shows in its tabs: Interfaces (a Parallel, a Series, a loaded app) or other TabbedInterfaces. */
export type Tabbable = AnyInterface | TabbedInterface;

/**
 * Several Interfaces, one per tab (Gradio's `gr.TabbedInterface`). Each is rebuilt in its tab
 * with its own endpoint: two Interfaces both named "predict" answer at `/predict` and
 * `/predict_1`, in tab order.
 *
 * @example
 * const demo = new vt.TabbedInterface([hello, bye], ["Hello", "Goodbye"], { title: "Greetings" });
 * await demo.launch();
 */
export class TabbedInterface extends App {
  /** The Interfaces, in tab order. */
  readonly interfaces: readonly Tabbable[];
  /** The tabs' labels. */
  readonly tab_names: readonly string[];
  private readonly heading: string | undefined;

  /**
   * @param interfaces The Interfaces to show, one per tab.
   * @param tab_names The tabs' labels; by default each Interface's title, else "Tab 1", "Tab 2", ….
   * @param options The page: title (shown above the tabs), theme, css, js, head, fill_height, fill_width.
   */
  constructor(interfaces: readonly Tabbable[], tab_names?: readonly string[] | null, options: TabbedInterfaceOptions = {}) {
    if (!Array.isArray(interfaces) || interfaces.length === 0) throw new TypeError("TabbedInterface takes a non-empty list of Interfaces");
    interfaces.forEach((item, i) => {
      if (!(item instanceof Interface) && !(item instanceof TabbedInterface)) {
        throw new TypeError(`TabbedInterface: item ${i} is not an Interface (got ${describe(item)})`);
      }
    });
    if (tab_names != null && (!Array.isArray(tab_names) || tab_names.length !== interfaces.length)) {
      throw new TypeError(`TabbedInterface: ${interfaces.length} Interfaces need ${interfaces.length} tab names, got ${JSON.stringify(tab_names)}`);
    }
    for (const key of Object.keys(options ?? {})) {
      if (!TABBED_OPTION_NAMES.includes(key)) throw unknownOptionError(key, TABBED_OPTION_NAMES);
    }
    super(pageProps(options ?? {}));
    this.interfaces = [...interfaces];
    this.tab_names = interfaces.map((item, i) => tab_names?.[i] ?? titleOf(item) ?? `Tab ${i + 1}`);
    this.heading = options?.title;
    this.fill(() => this.buildTabs());
  }

  private buildTabs(): void {
    if (this.heading) Markdown({ value: `# ${this.heading}`, elem_classes: ["vt-title"] });
    Tabs(() => {
      this.interfaces.forEach((item, i) => {
        Tab({ label: this.tab_names[i]!, id: i }, () => {
          item.render();
        });
      });
    });
  }

  /** Rebuilds these tabs inside the app being built (each Interface rebuilt in its tab, see `Interface.render`). */
  override render(): this {
    if (!rootScope()) throw new Error("TabbedInterface.render() must be called inside a Blocks builder callback");
    this.buildTabs();
    return this;
  }
}

const TABBED_OPTION_NAMES = ["title", "theme", "css", "js", "head", "fill_height", "fill_width"];

/**
 * Interfaces side by side (Gradio's `gr.Parallel`): one set of inputs — the first Interface's —
 * and the outputs of every Interface, each computed by its own function from the same values,
 * all at once. The result is an Interface with one endpoint (`/predict`).
 *
 * @example
 * const demo = new vt.Parallel(greeter1, greeter2, { title: "Two greeters" });
 */
export class Parallel extends Interface {
  /** The Interfaces whose outputs are compared. */
  readonly interfaces: readonly AnyInterface[];

  constructor(...args: readonly AnyInterface[] | readonly [...AnyInterface[], ComposeOptions]) {
    const [interfaces, options] = splitArgs("Parallel", args);
    const first = interfaces[0]!;
    const arity = first.inputComponents.length;
    interfaces.forEach((iface, i) => {
      if (iface.inputComponents.length !== arity) {
        throw new TypeError(
          `Parallel: the Interfaces must share their inputs; Interface ${i} has ${iface.inputComponents.length} input(s), the first has ${arity}`,
        );
      }
    });
    const fn = {
      async [interfaces.map(nameOf).join(" | ")](...args: unknown[]) {
        const context = args[arity] as EventContext;
        const values = args.slice(0, arity);
        const results = await Promise.all(interfaces.map((iface) => callInterface(iface, values, context)));
        const flat = results.flat(1);
        return flat.length === 1 ? flat[0] : flat;
      },
    }[interfaces.map(nameOf).join(" | ")]!;
    super({
      ...options,
      fn: fn as never,
      inputs: first.inputComponents.map(copyComponent),
      outputs: interfaces.flatMap((iface) => iface.outputComponents.map(copyComponent)),
    } as never);
    this.interfaces = interfaces;
  }
}

/**
 * Interfaces in a chain (Gradio's `gr.Series`): the first Interface's inputs, the last one's
 * outputs, and each function's outputs fed to the next as its inputs (through the components,
 * as if the page had shown them). The result is an Interface with one endpoint (`/predict`).
 *
 * @example
 * const demo = new vt.Series(translate, summarize);
 */
export class Series extends Interface {
  /** The Interfaces, in the order they run. */
  readonly interfaces: readonly AnyInterface[];

  constructor(...args: readonly AnyInterface[] | readonly [...AnyInterface[], ComposeOptions]) {
    const [interfaces, options] = splitArgs("Series", args);
    for (let i = 1; i < interfaces.length; i++) {
      const outs = interfaces[i - 1]!.outputComponents.length;
      const ins = interfaces[i]!.inputComponents.length;
      if (outs !== ins) {
        throw new TypeError(`Series: Interface ${i - 1} has ${outs} output(s) but Interface ${i}, which they feed, has ${ins} input(s)`);
      }
    }
    const first = interfaces[0]!;
    const last = interfaces[interfaces.length - 1]!;
    const arity = first.inputComponents.length;
    const name = interfaces.map(nameOf).join(" => ");
    const fn = {
      async [name](...args: unknown[]) {
        const context = args[arity] as EventContext;
        let values = args.slice(0, arity);
        let outputs: unknown[] = [];
        for (const [k, iface] of interfaces.entries()) {
          // The Series' own inputs are preprocessed by the server; the next ones here, as if the
          // previous outputs' values had been set on them (a number becomes a Textbox's text).
          if (k > 0) values = iface.inputComponents.map((c, i) => c.preprocess(c.postprocess(values[i])));
          outputs = await callInterface(iface, values, context);
          if (k < interfaces.length - 1) values = iface.outputComponents.map((c, i) => wireValue(c, outputs[i]));
        }
        return outputs.length === 1 ? outputs[0] : outputs;
      },
    }[name]!;
    super({
      ...options,
      fn: fn as never,
      inputs: first.inputComponents.map(copyComponent),
      outputs: last.outputComponents.map(copyComponent),
    } as never);
    this.interfaces = interfaces;
  }
}

/** Runs an Interface's function once on single values (a batch function on lists of one), to its final result: one value per output. */
export async function callInterface(iface: AnyInterface, values: readonly unknown[], context: EventContext): Promise<unknown[]> {
  const fn = iface.endpointFn;
  const count = iface.outputComponents.length;
  if (iface.isBatch) {
    const lists = (await fn(...values.map((v) => [v]), context)) as unknown[][];
    return lists.map((list) => list[0]);
  }
  const value = await finalValue(fn(...values, context));
  if (count === 0) return [];
  return count === 1 ? [value] : [...(value as unknown[])];
}

/** The last value a function produced: what it returned, or a generator's last yield (or its return value). */
async function finalValue(result: unknown): Promise<unknown> {
  if (!isGenerator(result)) return await result;
  let last: unknown = undefined;
  const gen = result as AsyncGenerator<unknown, unknown> | Generator<unknown, unknown>;
  for (;;) {
    const step = await gen.next();
    if (step.done) return step.value === undefined ? last : step.value;
    last = step.value;
  }
}

/** A function's output as the wire carries it (an update's value, postprocessed by its component). */
function wireValue(c: AnyComponent, value: unknown): unknown {
  return c.postprocess(isUpdate(value) ? (value.value ?? null) : value);
}

/** Whether a function's result is a generator (sync or async), whose yields stream. */
function isGenerator(value: unknown): value is Generator | AsyncGenerator {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<PropertyKey, unknown>;
  return typeof v.next === "function" && (typeof v[Symbol.iterator] === "function" || typeof v[Symbol.asyncIterator] === "function");
}

/** Splits `(...interfaces, options?)`, checking each. */
function splitArgs(kind: string, args: readonly unknown[]): [AnyInterface[], ComposeOptions] {
  const list = [...args];
  const last = list[list.length - 1];
  const options = last !== undefined && !(last instanceof Interface) && typeof last === "object" && last !== null ? (list.pop() as ComposeOptions) : {};
  if (list.length === 0) throw new TypeError(`${kind} takes one or more Interfaces`);
  list.forEach((item, i) => {
    if (!(item instanceof Interface)) throw new TypeError(`${kind}: argument ${i} is not an Interface (got ${describe(item)})`);
  });
  const allowed = INTERFACE_OPTION_NAMES.filter((n) => !["fn", "inputs", "outputs", "batch", "max_batch_size"].includes(n));
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw unknownOptionError(key, allowed);
  }
  return [list as AnyInterface[], options];
}

function nameOf(iface: AnyInterface): string {
  const name = iface.endpointFn.name;
  return name && name !== "fn" ? name : "fn";
}

function titleOf(item: Tabbable): string | undefined {
  return item instanceof Interface ? item.options.title : undefined;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}
