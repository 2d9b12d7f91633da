import { Column, Component, Row, listen, parameterNames, unknownOptionError, type AnyComponent, type EventFn, type EventTarget } from "@vitrine/core";
import { Button } from "@vitrine/button";
import { Examples, type ExampleRow } from "@vitrine/dataset";
import { Markdown } from "@vitrine/markdown";
import { App } from "./app.js";
import { resolveComponent, type ComponentLike, type ResolveAll } from "./shortcuts.js";

/** Inputs or outputs of an Interface: one component (or shortcut), or a list. */
export type InterfaceComponents = ComponentLike | readonly ComponentLike[];

/**
 * `fn`'s type: typed from the components; unchecked when nothing is known of the inputs
 * (`inputs` missing or misspelt), so that the error names the option rather than the
 * function's parameters.
 */
type InterfaceFn<I, O> = [InterfaceComponents] extends [I]
  ? // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (...args: any[]) => ReturnType<EventFn<readonly [], readonly []>>
  : EventFn<ResolveAll<I>, ResolveAll<O>>;

/** Options of an {@link Interface}. */
export interface InterfaceOptions<I extends InterfaceComponents, O extends InterfaceComponents> {
  /**
   * The function to wrap; its parameters and return type follow the components. For several
   * outputs it returns a tuple (`(s: string) => [s, s.length]`; see `ResultOf` in core).
   */
  fn: NoInfer<InterfaceFn<I, O>>;
  /** Input components (or shortcuts such as `"text"`), one per parameter of `fn`. */
  inputs: I;
  /** Output components (or shortcuts), one per value `fn` returns. */
  outputs: O;
  /** Title shown above the app and in the browser tab. */
  title?: string;
  /** Markdown shown under the title. */
  description?: string;
  /** Markdown shown under the app. */
  article?: string;
  /**
   * Example inputs: one row per example, one value per input, each what the input's
   * component takes as a value (`[["Ada", 2]]` for a Textbox and a Number; `null` leaves an
   * input empty). With one input, a bare value per row will do (`["Ada", "Grace"]`).
   */
  examples?: readonly NoInfer<ExampleRow<ResolveAll<I>>>[];
  /** Examples shown per page. Default 10. */
  examples_per_page?: number;
  /** Name of the API endpoint. Default "predict". */
  api_name?: string;
  /** How many calls may run at once (default 1; `null` for unlimited). */
  concurrency_limit?: number | null | "default";
  /** Label of the submit button. Default "Submit". */
  submit_btn?: string;
  /** Label of the clear button. Default "Clear". */
  clear_btn?: string;
  /**
   * Label of the stop button, shown instead of Submit while a generator function streams;
   * clicking it cancels the run (the outputs keep what they last received). Default "Stop".
   */
  stop_btn?: string;
  /** How progress shows over the outputs while the function runs. Default "full". */
  show_progress?: "full" | "minimal" | "hidden";
  /** Custom CSS for the page. */
  css?: string;
}

/**
 * Gradio's Interface: a function with input and output components becomes a page with
 * Submit and Clear buttons, examples, and an API endpoint (`/predict`).
 *
 * @example
 * const demo = new vt.Interface({
 *   fn: (name: string) => `Hello ${name}!`,
 *   inputs: vt.Textbox({ label: "name" }),
 *   outputs: "text",
 * });
 * await demo.launch();
 */
export class Interface<
  // The defaults are the constraints: they change nothing once the inputs and outputs are
  // known, but while TypeScript reads a function whose parameters are annotated, before it
  // knows them, they type the array literals it returns as tuples (see `EventFn` in core).
  const I extends InterfaceComponents = InterfaceComponents,
  const O extends InterfaceComponents = InterfaceComponents,
> extends App {
  /** The input components, in order. */
  readonly inputComponents: AnyComponent[];
  /** The output components, in order. */
  readonly outputComponents: AnyComponent[];

  constructor(options: InterfaceOptions<I, O>) {
    checkInterfaceOptions(options);
    super({ title: options.title ?? "Vitrine", css: options.css ?? null, mode: "interface" });
    const fn = options.fn as unknown as (...args: unknown[]) => unknown;
    this.inputComponents = toList(options.inputs).map(resolveComponent);
    this.outputComponents = toList(options.outputs).map(resolveComponent);
    labelFromParameters(this.inputComponents, parameterNames(fn));
    this.outputComponents.forEach((c, i, all) => {
      (c.props as { label?: string | null }).label ??= all.length > 1 ? `output ${i}` : "output";
    });
    this.fill(() => this.layout(options, fn));
  }

  private layout(options: InterfaceOptions<I, O>, fn: (...args: unknown[]) => unknown): void {
    const inputs = this.inputComponents;
    const outputs = this.outputComponents;
    if (options.title) Markdown({ value: `# ${options.title}`, elem_classes: ["vt-title"] });
    if (options.description) Markdown({ value: options.description, elem_classes: ["vt-description"] });
    const streams = isGeneratorFunction(fn);
    let submit!: AnyComponent;
    let clear!: AnyComponent;
    let stop: AnyComponent | null = null;
    Row({ equal_height: false }, () => {
      Column(() => {
        inputs.forEach((c) => c.render());
        Row(() => {
          clear = Button({ value: options.clear_btn ?? "Clear", variant: "secondary" });
          // Both stay clickable while the page swaps them (their visibility is an output).
          submit = Button({ value: options.submit_btn ?? "Submit", variant: "primary", interactive: true });
          if (streams) stop = Button({ value: options.stop_btn ?? "Stop", variant: "stop", visible: false, interactive: true });
        });
      });
      Column(() => {
        outputs.forEach((c) => c.render());
      });
    });
    if (options.examples?.length) {
      const rows = inputs.length === 1 ? options.examples.map((e) => (Array.isArray(e) ? e : [e])) : options.examples;
      Examples({ examples: rows as unknown[][], inputs, examples_per_page: options.examples_per_page });
    }
    if (options.article) Markdown({ value: options.article, elem_classes: ["vt-article"] });

    const triggers: EventTarget[] = [[submit, "click"]];
    for (const c of inputs) {
      if ((c.constructor as typeof Component).events.includes("submit")) triggers.push([c, "submit"]);
    }
    const predict = listen(triggers, {
      fn: fn as never,
      inputs,
      outputs,
      api_name: options.api_name ?? "predict",
      concurrency_limit: options.concurrency_limit,
      show_progress: options.show_progress,
    });
    if (stop) {
      // While the generator streams, Stop replaces Submit; all of it runs in the page.
      const buttons = [submit, stop];
      const swap = { fn: null, outputs: buttons, api_name: false, show_api: false, queue: false } as const;
      listen(triggers, { ...swap, js: showButtons(false), trigger_mode: "multiple" });
      predict.then({ ...swap, js: showButtons(true) });
      listen([[stop, "click"]], { ...swap, js: showButtons(true), cancels: [predict] });
    }
    const cleared = [...inputs, ...outputs];
    const initial = cleared.map((c) => c.props.value ?? null);
    listen([[clear, "click"]], {
      fn: (() => (initial.length === 1 ? initial[0] : initial)) as never,
      inputs: [],
      outputs: cleared,
      api_name: false,
      show_api: false,
      queue: false,
    });
  }
}

/** Every option of an Interface (checked against {@link InterfaceOptions} below). */
const OPTION_NAMES = [
  "fn",
  "inputs",
  "outputs",
  "title",
  "description",
  "article",
  "examples",
  "examples_per_page",
  "api_name",
  "concurrency_limit",
  "submit_btn",
  "clear_btn",
  "stop_btn",
  "show_progress",
  "css",
] as const satisfies readonly (keyof InterfaceOptions<InterfaceComponents, InterfaceComponents>)[];
/** Compile-time check that {@link OPTION_NAMES} lists every option. */
type UnlistedOption = Exclude<keyof InterfaceOptions<InterfaceComponents, InterfaceComponents>, (typeof OPTION_NAMES)[number]>;
const allOptionsListed: [UnlistedOption] extends [never] ? true : UnlistedOption = true;
void allOptionsListed;

/** Rejects what TypeScript would have caught, for JavaScript callers: unknown options, a missing `fn`. */
function checkInterfaceOptions(options: unknown): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("Interface takes an options object: { fn, inputs, outputs, … }");
  }
  for (const key of Object.keys(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) throw unknownOptionError(key, OPTION_NAMES);
  }
  if (typeof (options as { fn?: unknown }).fn !== "function") throw new TypeError("Interface: fn must be a function");
}

function isGeneratorFunction(fn: (...args: unknown[]) => unknown): boolean {
  const name = fn.constructor?.name;
  return name === "GeneratorFunction" || name === "AsyncGeneratorFunction";
}

/** Client-side function source: updates that show Submit (and hide Stop), or the reverse. */
function showButtons(submitVisible: boolean): string {
  const update = (visible: boolean) => JSON.stringify({ __type__: "update", visible });
  return `() => [${update(submitVisible)}, ${update(!submitVisible)}]`;
}

function toList(value: InterfaceComponents): ComponentLike[] {
  return Array.isArray(value) ? [...value] : [value as ComponentLike];
}

/** Gives unlabeled inputs the names of the function's parameters, as Gradio does. */
function labelFromParameters(inputs: AnyComponent[], names: (string | null)[]): void {
  inputs.forEach((c, i) => {
    const name = names[i];
    if (name) (c.props as { label?: string | null }).label ??= name;
  });
}
