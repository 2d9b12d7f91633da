import {
  Column,
  Component,
  Row,
  listen,
  parameterNames,
  rootScope,
  unknownOptionError,
  type AnyComponent,
  type BatchFn,
  type BlocksProps,
  type Dependency,
  type EventFn,
  type EventTarget,
  type ThemeLike,
} from "@vitrine/core";
import { Button } from "@vitrine/button";
import { Examples, type ExampleRow } from "@vitrine/dataset";
import { Markdown } from "@vitrine/markdown";
import { App } from "./app.js";
import { copyComponents } from "./copy.js";
import { resolveComponent, type ComponentLike, type ResolveAll } from "./shortcuts.js";
import { attachFlagging, checkFlaggingOptions, renderFlagButtons, setupFlagging, type FlaggingMode, type FlaggingOption, type FlaggingSetup } from "./flagging.js";
import type { FlaggingCallback } from "@vitrine/flagging";

/** Inputs or outputs of an Interface: one component (or shortcut), or a list. */
export type InterfaceComponents = ComponentLike | readonly ComponentLike[];

/**
 * `fn`'s type: typed from the components (lists in and out with `batch: true`); unchecked when
 * nothing is known of the inputs (`inputs` missing or misspelt), so that the error names the
 * option rather than the function's parameters.
 */
type InterfaceFn<I, O, B> = [InterfaceComponents] extends [I]
  ? // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (...args: any[]) => ReturnType<EventFn<readonly [], readonly []>>
  : B extends true
    ? BatchFn<ResolveAll<I>, ResolveAll<O>>
    : EventFn<ResolveAll<I>, ResolveAll<O>>;

/** Delimiters of LaTeX in an Interface's description and article: `$$…$$` (display) and `$…$` (inline). */
const INTERFACE_LATEX = [
  { left: "$$", right: "$$", display: true },
  { left: "$", right: "$", display: false },
] as const;

/** Options of an {@link Interface}. */
export interface InterfaceOptions<I extends InterfaceComponents, O extends InterfaceComponents, B extends boolean = false> {
  /**
   * The function to wrap; its parameters and return type follow the components. For several
   * outputs it returns a tuple (`(s: string) => [s, s.length]`; see `ResultOf` in core). With
   * `batch: true` it takes one list per input and returns one list per output.
   */
  fn: NoInfer<InterfaceFn<I, O, B>>;
  /** Input components (or shortcuts such as `"text"`), one per parameter of `fn`. */
  inputs: I;
  /** Output components (or shortcuts), one per value `fn` returns. */
  outputs: O;
  /** Title shown above the app and in the browser tab. */
  title?: string;
  /** Markdown shown under the title; LaTeX between `$…$` (inline) or `$$…$$` (display) is typeset. */
  description?: string;
  /** Markdown shown under the app, with LaTeX as in `description`. */
  article?: string;
  /**
   * Example inputs: one row per example, one value per input, each what the input's
   * component takes as a value (`[["Ada", 2]]` for a Textbox and a Number; `null` leaves an
   * input empty). With one input, a bare value per row will do (`["Ada", "Grace"]`). Or the
   * path of a folder of examples with a `log.csv` (see `Examples`).
   */
  examples?: readonly NoInfer<ExampleRow<ResolveAll<I>>>[] | string;
  /** Examples shown per page. Default 10. */
  examples_per_page?: number;
  /**
   * Whether the outputs of `fn` for the examples are cached, so that clicking an example fills
   * the inputs and the outputs at once without running `fn`: `true` computes them when the app
   * starts, `"lazy"` each on its first click (kept under `.vitrine/cached_examples/`). Default false.
   */
  cache_examples?: boolean | "lazy";
  /** With `cache_examples: true`: `"eager"` (default) computes at start, `"lazy"` on first click. */
  cache_mode?: "eager" | "lazy";
  /**
   * Whether the function runs whenever an input changes, with no Submit button (Gradio's
   * `live`). Runs that pile up while one is going collapse into one with the latest values
   * (trigger_mode "always_last"). Default false.
   */
  live?: boolean;
  /**
   * With `live: true` and a streaming input (`vt.Image({ sources: "webcam", streaming: true })`,
   * `vt.Audio({ sources: "microphone", streaming: true })`): how often, in seconds, the page sends
   * a chunk to `fn`. Default 0.5.
   */
  stream_every?: number;
  /**
   * With `live: true` and a streaming input: how long, in seconds, one stream runs before it
   * stops by itself (`null`: until the user stops it). Default 30.
   */
  time_limit?: number | null;
  /**
   * Whether `fn` takes lists of inputs gathered from calls waiting in the queue, and returns one
   * list per output (even for one output). Default false.
   */
  batch?: B;
  /** Most calls gathered into one batch (with `batch: true`). Default 4. */
  max_batch_size?: number;
  /** Name of the API endpoint. Default "predict"; `false` keeps the function off the API. */
  api_name?: string | false;
  /** How many calls may run at once (default 1; `null` for unlimited). */
  concurrency_limit?: number | null | "default";
  /** Label of the submit button, or `false` for none (Enter in a one-line Textbox still submits). Default "Submit". */
  submit_btn?: string | false;
  /** Label of the clear button, or `false` for none. Default "Clear". */
  clear_btn?: string | false;
  /**
   * Label of the stop button, shown instead of Submit while a generator function streams;
   * clicking it cancels the run (the outputs keep what they last received). `false` for none.
   * Default "Stop".
   */
  stop_btn?: string | false;
  /** How progress shows over the outputs while the function runs. Default "full". */
  show_progress?: "full" | "minimal" | "hidden";
  /** The page's theme: a theme object (`vt.themes.Soft()`) or a prebuilt theme's name. */
  theme?: ThemeLike | null;
  /** Custom CSS for the page. */
  css?: string | null;
  /** The source of a JavaScript function run in the page once it has loaded (or a self-contained function). */
  js?: BlocksProps["js"];
  /** HTML added to the page's `<head>` (trusted markup only). */
  head?: string | null;
  /** Whether the app fills the window's height. Default false. */
  fill_height?: boolean;
  /** Whether the app spans the window's width. Default false. */
  fill_width?: boolean;
  /**
   * When samples are flagged (saved for review, by `flagging_callback`): `"manual"`, when the
   * user clicks a Flag button under the outputs (its inputs' and outputs' values); `"auto"`,
   * after every successful run, with no button; `"never"`. An Interface without outputs never
   * flags. Default `VITRINE_FLAGGING_MODE` from the environment, else "manual", as Gradio.
   */
  flagging_mode?: FlaggingMode;
  /**
   * With `flagging_mode: "manual"`, one Flag button per option, whose value goes to the CSV's
   * `flag` column: `["wrong", "offensive"]` makes "Flag as wrong" and "Flag as offensive";
   * `[["👎 Wrong", "wrong"]]` sets the labels. Default: one button, "Flag", with no option.
   */
  flagging_options?: readonly FlaggingOption[] | null;
  /** The folder flagged samples go to (created on the first flag). Default ".vitrine/flagged". */
  flagging_dir?: string;
  /**
   * What saves a flagged sample: a `FlaggingCallback` such as `new vt.SimpleCSVLogger()` or
   * your own. Its `setup` runs when the Interface is made. Default a new `vt.CSVLogger()`.
   */
  flagging_callback?: FlaggingCallback | null;
}

/** An Interface's options with the component types erased, as the layout code reads them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyInterfaceOptions = InterfaceOptions<any, any, boolean>;

/** The page options of an Interface (or of any app made of Interfaces), as app props. */
export function pageProps(options: Pick<AnyInterfaceOptions, "title" | "theme" | "css" | "js" | "head" | "fill_height" | "fill_width">): BlocksProps {
  const { title, theme, css, js, head, fill_height, fill_width } = options;
  const props: BlocksProps = { title: title ?? "Vitrine", theme, css: css ?? null, js, head, fill_height, fill_width };
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as BlocksProps;
}

/**
 * Gradio's Interface: a function with input and output components becomes a page with
 * Submit and Clear buttons, examples, and an API endpoint (`/predict`).
 *
 * An Interface is an app (launch it), and a part of other apps: {@link Interface.render}
 * rebuilds it inside the app being built (a Tab of `vt.Blocks`, a `TabbedInterface`), and
 * `Parallel` and `Series` make new Interfaces out of several.
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
  const B extends boolean = false,
> extends App {
  /** The input components, in order. */
  readonly inputComponents: AnyComponent[];
  /** The output components, in order. */
  readonly outputComponents: AnyComponent[];
  /** The options the Interface was made with (its layout is rebuilt from them). */
  readonly options: Readonly<InterfaceOptions<I, O, B>>;
  /** How the Interface flags (its callback, set up), or null when it does not. */
  readonly flagging: FlaggingSetup | null;

  constructor(options: InterfaceOptions<I, O, B>) {
    checkInterfaceOptions(options);
    super({ ...pageProps(options), mode: "interface" });
    this.options = options;
    this.inputComponents = toList(options.inputs).map(resolveComponent);
    this.outputComponents = linkStates(toList(options.inputs), this.inputComponents, toList(options.outputs).map(resolveComponent), toList(options.outputs));
    labelFromParameters(this.inputComponents, parameterNames(this.endpointFn));
    this.outputComponents.forEach((c, i, all) => {
      (c.props as { label?: string | null }).label ??= all.length > 1 ? `output ${i}` : "output";
      // As Gradio: an output that is not also an input is not editable unless asked (the Flag
      // button's event takes the outputs as inputs, which would otherwise make them editable).
      if (!this.inputComponents.includes(c)) (c.props as { interactive?: boolean | null }).interactive ??= false;
    });
    this.flagging = setupFlagging(options, this.inputComponents, this.outputComponents);
    this.fill(() => buildInterface(this.options as AnyInterfaceOptions, this.endpointFn, this.inputComponents, this.outputComponents, this.flagging));
  }

  /**
   * Rebuilds this Interface inside the app being built, as Gradio's `demo.render()`: copies of
   * its components (same class, same props), its buttons, examples and listeners, with its
   * endpoint (its `api_name` made unique in that app). The Interface itself is left as it was.
   *
   * @example
   * vt.Blocks(() => { vt.Tab({ label: "Hello" }, () => hello.render()); });
   */
  override render(): this {
    if (!rootScope()) throw new Error("Interface.render() must be called inside a Blocks builder callback");
    const [inputs, outputs] = copyComponents(this.inputComponents, this.outputComponents);
    buildInterface(this.options as AnyInterfaceOptions, this.endpointFn, inputs, outputs, this.flagging);
    return this;
  }

  /** The function behind the Interface's endpoint (its `fn` option), typed loosely. */
  get endpointFn(): (...args: unknown[]) => unknown {
    return this.options.fn as unknown as (...args: unknown[]) => unknown;
  }

  /** Whether the function is a batch function (`batch: true`). */
  get isBatch(): boolean {
    return this.options.batch === true;
  }
}

/** The parts of an Interface's page, made by {@link buildInterface}. */
export interface InterfaceParts {
  /** The endpoint's dependency. */
  predict: Dependency;
  submit: AnyComponent | null;
  clear: AnyComponent | null;
  stop: AnyComponent | null;
}

/**
 * Builds an Interface's page into the app being built (the current builder scope): title,
 * description, inputs with Clear and Submit, outputs, examples, article, and its listeners.
 */
function buildInterface(
  options: AnyInterfaceOptions,
  fn: (...args: unknown[]) => unknown,
  inputs: AnyComponent[],
  outputs: AnyComponent[],
  flagging: FlaggingSetup | null = null,
): InterfaceParts {
  if (options.title) Markdown({ value: `# ${options.title}`, elem_classes: ["vt-title"] });
  if (options.description) Markdown({ value: options.description, elem_classes: ["vt-description"], latex_delimiters: [...INTERFACE_LATEX] });
  const live = options.live === true;
  const streams = isGeneratorFunction(fn);
  let submit: AnyComponent | null = null;
  let clear: AnyComponent | null = null;
  let stop: AnyComponent | null = null;
  let flagButtons: AnyComponent[] = [];
  const label = (given: string | false | undefined, fallback: string): string | null =>
    given === false ? null : typeof given === "string" ? given : fallback;
  const clearLabel = label(options.clear_btn, "Clear");
  const submitLabel = live ? null : label(options.submit_btn, "Submit");
  const stopLabel = live || !streams || submitLabel === null ? null : label(options.stop_btn, "Stop");
  Row({ equal_height: false }, () => {
    Column(() => {
      inputs.forEach((c) => c.render());
      if (clearLabel !== null || submitLabel !== null) {
        Row(() => {
          if (clearLabel !== null) clear = Button({ value: clearLabel, variant: "secondary" });
          // Both stay clickable while the page swaps them (their visibility is an output).
          if (submitLabel !== null) submit = Button({ value: submitLabel, variant: "primary", interactive: true });
          if (stopLabel !== null) stop = Button({ value: stopLabel, variant: "stop", visible: false, interactive: true });
        });
      }
    });
    Column(() => {
      outputs.forEach((c) => c.render());
      flagButtons = renderFlagButtons(flagging);
    });
  });
  const examples = options.examples;
  if (examples?.length) {
    const rows = typeof examples !== "string" && inputs.length === 1 ? examples.map((e: unknown) => (Array.isArray(e) ? e : [e])) : examples;
    Examples({
      examples: rows as unknown[][] | string,
      inputs,
      outputs,
      fn: fn as never,
      batch: options.batch === true,
      cache_examples: options.cache_examples,
      cache_mode: options.cache_mode,
      examples_per_page: options.examples_per_page,
    });
  }
  if (options.article) Markdown({ value: options.article, elem_classes: ["vt-article"], latex_delimiters: [...INTERFACE_LATEX] });

  const triggers: EventTarget[] = [];
  // As Gradio: in a live Interface a streaming input runs `fn` on each chunk it streams; without
  // `live` it does not stream (Gradio warns, and Submit runs `fn` on the input's value).
  const streaming = live && inputs.some(isStreamingInput);
  if (!live && inputs.some(isStreamingInput)) console.warn("[vitrine] Interface: streaming inputs stream only in a live Interface (live: true)");
  if (live) {
    for (const c of inputs) {
      if (isStreamingInput(c)) triggers.push([c, "stream"]);
      else if (eventsOf(c).includes("change")) triggers.push([c, "change"]);
    }
    // Nothing to watch (no inputs): run when the page loads, as Gradio's output-only live Interface.
    if (triggers.length === 0) triggers.push([rootScope()!, "load"]);
  } else {
    if (submit) triggers.push([submit, "click"]);
    for (const c of inputs) if (eventsOf(c).includes("submit")) triggers.push([c, "submit"]);
  }
  const predict = listen(triggers, {
    fn: fn as never,
    inputs,
    outputs,
    api_name: options.api_name ?? "predict",
    concurrency_limit: options.concurrency_limit,
    show_progress: options.show_progress,
    ...(live && !streaming ? { trigger_mode: "always_last" as const } : {}),
    ...(streaming
      ? { trigger_mode: "multiple" as const, show_progress: "hidden" as const, stream_every: options.stream_every ?? 0.5, time_limit: options.time_limit === undefined ? 30 : options.time_limit }
      : {}),
    ...(options.batch ? { batch: true, max_batch_size: options.max_batch_size } : {}),
  } as never);
  if (stop && submit) {
    // While the generator streams, Stop replaces Submit; all of it runs in the page.
    const buttons = [submit, stop];
    const swap = { fn: null, outputs: buttons, api_name: false, show_api: false, queue: false } as const;
    listen(triggers, { ...swap, js: showButtons(false), trigger_mode: "multiple" });
    predict.then({ ...swap, js: showButtons(true) });
    listen([[stop, "click"]], { ...swap, js: showButtons(true), cancels: [predict] });
  }
  if (clear) {
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
  attachFlagging(flagging, flagButtons, predict, inputs, outputs);
  return { predict, submit, clear, stop };
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
  "cache_examples",
  "cache_mode",
  "live",
  "stream_every",
  "time_limit",
  "batch",
  "max_batch_size",
  "api_name",
  "concurrency_limit",
  "submit_btn",
  "clear_btn",
  "stop_btn",
  "show_progress",
  "theme",
  "css",
  "js",
  "head",
  "fill_height",
  "fill_width",
  "flagging_mode",
  "flagging_options",
  "flagging_dir",
  "flagging_callback",
] as const satisfies readonly (keyof AnyInterfaceOptions)[];
/** Compile-time check that {@link OPTION_NAMES} lists every option. */
type UnlistedOption = Exclude<keyof AnyInterfaceOptions, (typeof OPTION_NAMES)[number]>;
const allOptionsListed: [UnlistedOption] extends [never] ? true : UnlistedOption = true;
void allOptionsListed;

/** The option names of an Interface, for composites that take the same options. */
export const INTERFACE_OPTION_NAMES: readonly string[] = OPTION_NAMES;

/** Rejects what TypeScript would have caught, for JavaScript callers: unknown options, a missing `fn`, bad values. */
function checkInterfaceOptions(options: unknown): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("Interface takes an options object: { fn, inputs, outputs, … }");
  }
  for (const key of Object.keys(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) throw unknownOptionError(key, OPTION_NAMES);
  }
  const o = options as Record<string, unknown>;
  if (typeof o.fn !== "function") throw new TypeError("Interface: fn must be a function");
  checkFlaggingOptions(o);
  for (const key of ["submit_btn", "clear_btn", "stop_btn"]) {
    const v = o[key];
    if (v !== undefined && v !== false && typeof v !== "string") throw new TypeError(`Interface: ${key} must be a label or false, got ${JSON.stringify(v)}`);
  }
  if (o.batch && isGeneratorFunction(o.fn as () => unknown)) throw new TypeError("Interface: a batch function cannot be a generator");
  if (o.stream_every !== undefined && !(typeof o.stream_every === "number" && Number.isFinite(o.stream_every) && o.stream_every > 0))
    throw new TypeError(`Interface: stream_every must be a positive number of seconds, got ${JSON.stringify(o.stream_every)}`);
  if (o.time_limit !== undefined && o.time_limit !== null && !(typeof o.time_limit === "number" && o.time_limit > 0))
    throw new TypeError(`Interface: time_limit must be a positive number of seconds or null, got ${JSON.stringify(o.time_limit)}`);
  const size = o.max_batch_size;
  if (size !== undefined && !(Number.isInteger(size) && (size as number) >= 1)) {
    throw new TypeError(`Interface: max_batch_size must be a whole number of at least 1, got ${JSON.stringify(size)}`);
  }
}

export function isGeneratorFunction(fn: (...args: never[]) => unknown): boolean {
  const name = fn.constructor?.name;
  return name === "GeneratorFunction" || name === "AsyncGeneratorFunction";
}

/** Whether an input streams (`streaming: true` on a component with a `stream` event). */
function isStreamingInput(c: AnyComponent): boolean {
  return (c.props as { streaming?: unknown }).streaming === true && eventsOf(c).includes("stream");
}

function eventsOf(c: AnyComponent): readonly string[] {
  return (c.constructor as typeof Component).events;
}

/** Client-side function source: updates that show Submit (and hide Stop), or the reverse. */
function showButtons(submitVisible: boolean): string {
  const update = (visible: boolean) => JSON.stringify({ __type__: "update", visible });
  return `() => [${update(submitVisible)}, ${update(!submitVisible)}]`;
}

/**
 * As in Gradio, the n-th `"state"` output is the n-th `"state"` input: the function's new value
 * for the session's State replaces the one it received.
 */
function linkStates(inputsLike: ComponentLike[], inputs: AnyComponent[], outputs: AnyComponent[], outputsLike: ComponentLike[]): AnyComponent[] {
  const states = inputs.filter((_, i) => inputsLike[i] === "state");
  let next = 0;
  return outputs.map((c, i) => (outputsLike[i] === "state" && next < states.length ? states[next++]! : c));
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
