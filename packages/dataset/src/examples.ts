import {
  BlocksApp,
  currentScope,
  rootScope,
  type AnyComponent,
  type BatchFn,
  type ComponentList,
  type Dependency,
  type EventContext,
  type EventFn,
  type ReturnOf,
  VitrineError,
} from "@vitrine/core";
import { ExamplesCache, type CacheMode } from "./cache.js";
import { readExamplesFolder } from "./folder.js";
import { DatasetComponent } from "./process.js";

/**
 * One example: a value per input component (`null` leaves that input empty). With a
 * single input, the bare value will do.
 */
export type ExampleRow<I> = I extends readonly AnyComponent[]
  ? { readonly [K in keyof I]: ReturnOf<I[K]> | null } | (I extends readonly [infer C] ? ReturnOf<C> : never)
  : I extends AnyComponent
    ? ReturnOf<I> | readonly [ReturnOf<I> | null]
    : never;

/**
 * Options of {@link Examples}, as in Gradio's `gr.Examples`. With `batch: true` (`B`), `fn` is a
 * batch function (lists in, lists out).
 */
export type ExamplesProps<I extends ComponentList, O extends ComponentList | undefined = undefined, B extends boolean = false> = ExamplesOptions<I, O> & {
  /** Whether `fn` is a batch function, as with `batch: true` on a listener; examples are cached as batches of one. Default false. */
  batch?: B;
} & (B extends true
    ? {
        /** The batch function that computes the outputs of examples, for `run_on_click` and `cache_examples`. */
        fn: NoInfer<BatchFn<I, O>>;
      }
    : {
        /** The function that computes the outputs of an example, for `run_on_click` and `cache_examples`. */
        fn?: NoInfer<EventFn<I, O>> | null;
      });

/** The options of {@link Examples} besides `fn` and `batch`. */
export interface ExamplesOptions<I extends ComponentList, O extends ComponentList | undefined = undefined> {
  /**
   * The examples: one row per example, one value per input (or bare values for one input).
   * Or the path of a folder holding them: a `log.csv` with a header row and one row per
   * example (see {@link readExamplesFolder}), or, for one input, files that are each an example.
   */
  examples: readonly NoInfer<ExampleRow<I>>[] | string;
  /** The components the examples fill. */
  inputs: I;
  /** The outputs of `fn`, for `run_on_click` and `cache_examples`. */
  outputs?: O;
  /**
   * Whether the outputs of `fn` for each example are cached, so that clicking an example fills
   * the inputs and the outputs at once without running `fn`: `true` computes them all when the
   * app starts (`launch()` waits for it), `"lazy"` each on its first click. They are kept in
   * `.vitrine/cached_examples/` and reused after a restart. Needs `fn` and `outputs`. Default false.
   */
  cache_examples?: boolean | "lazy";
  /** With `cache_examples: true`: `"eager"` (default) computes at start, `"lazy"` on first click. */
  cache_mode?: CacheMode;
  /** Whether clicking an example also runs `fn` (after filling the inputs); cached examples need not. Default false. */
  run_on_click?: boolean;
  /** Label above the examples. Default "Examples". */
  label?: string | null;
  /** Examples shown per page. Default 10. */
  examples_per_page?: number;
  /** HTML id of the examples table. */
  elem_id?: string | null;
  /** Whether the examples are shown. Default true. */
  visible?: boolean;
  /**
   * API name of the endpoint that answers a click on a cached example (it takes the example's
   * index and returns the inputs' then the outputs' values). Default "load_example"; it is
   * callable by clients but not listed on the API page. `false` makes it private.
   */
  api_name?: string | false;
}

/** What {@link Examples} made: the Dataset in the page and the events it wired. */
export interface ExamplesHandle {
  /** The Dataset showing the examples; its columns are the inputs that have example values. */
  readonly dataset: DatasetComponent<readonly AnyComponent[], "index">;
  /**
   * The click event that fills the inputs with the clicked example; for cached examples, the
   * inputs and the outputs (its outputs are then the filled inputs followed by `outputs`).
   */
  readonly loadInputEvent: Dependency;
  /** The event that runs `fn` after loading, with `run_on_click` (and no cache); otherwise `null`. */
  readonly runEvent: Dependency | null;
  /** The input components, in order. */
  readonly inputs: readonly AnyComponent[];
  /** The output components, in order (empty without `outputs`). */
  readonly outputs: readonly AnyComponent[];
  /** The examples as rows of input values (bare single values wrapped). */
  readonly examples: readonly (readonly unknown[])[];
  /** The cached outputs, with `cache_examples`; otherwise `null`. */
  readonly cache: ExamplesCache | null;
  /** The examples' id: the name of their folder under `.vitrine/cached_examples/`. */
  readonly id: string;
  /** The folder the examples were read from, when `examples` named one; otherwise `null`. */
  readonly directory: string | null;
}

function toList(list: ComponentList | undefined): readonly AnyComponent[] {
  if (list === undefined || list === null) return [];
  return Array.isArray(list) ? list : [list as AnyComponent];
}

/** `cache_examples` and `cache_mode` as one mode, or `null` for no cache. */
function cacheModeOf(cache: unknown, mode: unknown): CacheMode | null {
  if (mode !== undefined && mode !== null && mode !== "eager" && mode !== "lazy") {
    throw new TypeError(`Examples: cache_mode must be "eager" or "lazy", got ${JSON.stringify(mode)}`);
  }
  if (cache === undefined || cache === null || cache === false) return null;
  if (cache === "lazy") return "lazy";
  if (cache === true) return (mode as CacheMode | null | undefined) ?? "eager";
  throw new TypeError(`Examples: cache_examples must be true, false or "lazy", got ${JSON.stringify(cache)}`);
}

/** A name safe in a path, from an app's title. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "app"
  );
}

/**
 * Example inputs the user can click to fill the inputs, like Gradio's `gr.Examples`. Call
 * it inside a `Blocks` builder callback: it places a paged Dataset of the examples where it
 * is called, and wires its `click` to load the clicked example into `inputs`.
 *
 * With `cache_examples`, the outputs of `fn` for each example are computed once (at start, or
 * with `"lazy"` on first click), kept under `.vitrine/cached_examples/<id>/`, and a click
 * fills the inputs and the outputs in one unqueued round trip, without calling `fn`. With
 * `run_on_click` (and no cache), a click runs `fn` after filling the inputs.
 *
 * @example
 * vt.Blocks(() => {
 *   const name = vt.Textbox({ label: "Name" });
 *   const times = vt.Number({ label: "Times" });
 *   const out = vt.Textbox({ label: "Greeting" });
 *   vt.Examples({
 *     examples: [["Ada", 2], ["Grace", 3]],
 *     inputs: [name, times],
 *     outputs: out,
 *     fn: (n, t) => `Hello ${n}! `.repeat(t ?? 1),
 *     cache_examples: true,
 *   });
 * });
 */
export function Examples<
  const I extends ComponentList,
  const O extends ComponentList | undefined = undefined,
  const B extends boolean = false,
>(props: ExamplesProps<I, O, B>): ExamplesHandle {
  if (!currentScope()) throw new Error("Examples must be created inside a Blocks builder callback");
  const inputs = toList(props.inputs);
  if (inputs.length === 0) throw new TypeError("Examples: inputs must name at least one component");
  const outputs = toList(props.outputs);
  const fn = (props.fn ?? null) as ((...args: unknown[]) => unknown) | null;
  const mode = cacheModeOf(props.cache_examples, props.cache_mode);
  if (mode && (!fn || outputs.length === 0)) {
    throw new TypeError("Examples: cache_examples needs fn and outputs (the outputs of fn are what is cached)");
  }
  if (props.run_on_click && !fn) throw new TypeError("Examples: run_on_click needs fn (the function to run)");

  let directory: string | null = null;
  let given: readonly unknown[];
  if (typeof props.examples === "string") {
    const folder = readExamplesFolder(props.examples, inputs);
    directory = folder.directory;
    given = folder.rows;
  } else {
    given = props.examples as readonly unknown[];
    if (!Array.isArray(given)) throw new TypeError("Examples: examples must be a list, or the path of a folder");
  }

  // With one input, examples may be bare values (decided on the first one, as Gradio does).
  const bare = inputs.length === 1 && given.length > 0 && !Array.isArray(given[0]);
  const rows = given.map((example, i): readonly unknown[] => {
    const row = bare ? [example] : example;
    if (!Array.isArray(row) || row.length !== inputs.length) {
      const got = Array.isArray(row) ? `${row.length} values` : JSON.stringify(row);
      throw new TypeError(`Examples: example ${i} must have one value per input (${inputs.length}), got ${got}`);
    }
    return row;
  });

  // Inputs whose examples are all missing are left out of the table and untouched on click.
  let columns = inputs.map((_, i) => i).filter((i) => rows.some((row) => row[i] !== null && row[i] !== undefined));
  if (columns.length === 0) columns = inputs.map((_, i) => i);
  const filled = columns.map((i) => inputs[i]!);
  const samples = rows.map((row) => columns.map((i) => row[i] ?? null));

  const label = props.label === undefined ? "Examples" : props.label;
  const dataset = new DatasetComponent<readonly AnyComponent[], "index">({
    components: filled,
    samples,
    type: "index",
    label,
    samples_per_page: props.examples_per_page ?? 10,
    elem_id: props.elem_id ?? null,
    visible: props.visible ?? true,
  });

  // The id names the cache folder: the app's title and the examples' place in the app, which
  // stay the same from one run of the same app to the next.
  const root = rootScope();
  const app = root instanceof BlocksApp ? root : null;
  const id = app ? `${slug(app.title)}-${dataset.id - app.id}` : `examples-${dataset.id}`;

  /** The example at `index`, or a clear error for one the examples do not have. */
  const sampleAt = (index: number): readonly unknown[] => {
    const row = samples[index];
    if (row === undefined) throw new VitrineError(`Examples ${JSON.stringify(label ?? id)}: there is no example ${index} (there are ${samples.length})`);
    return row;
  };

  if (mode) {
    const cache = new ExamplesCache({
      id,
      inputs,
      outputs,
      fn: fn!,
      batch: props.batch === true,
      examples: rows,
      mode,
      name: `Examples ${JSON.stringify(label ?? id)}`,
    });
    // Eager: computed before the app serves (launch awaits it; mount starts it), or at the
    // first click when there is no app to start with.
    if (mode === "eager") app?.onStart(() => cache.prepare());
    // The click answers with the inputs' and the outputs' wire values, in one round trip.
    const loadCached = async (index: number, context: EventContext): Promise<unknown[]> => {
      if (mode === "eager") await cache.prepare();
      const row = sampleAt(index);
      const cached = await cache.outputsOf(index, context);
      return [...filled.map((c, k) => c.postprocess(row[k] ?? null)), ...cached];
    };
    const loadInputEvent = dataset.click({
      fn: loadCached as never,
      inputs: [dataset],
      outputs: [...filled, ...outputs],
      postprocess: false,
      api_name: props.api_name ?? "load_example",
      show_api: false,
      // Eager answers at once, outside the queue; lazy may run fn, so it waits its turn.
      queue: mode === "lazy",
      show_progress: mode === "lazy" ? "full" : "hidden",
    });
    return { dataset, loadInputEvent, runEvent: null, inputs, outputs, examples: rows, cache, id, directory };
  }

  // One filled input takes the bare value; several take a list (see ResultOf in core). The
  // number of inputs is only known at run time, hence the loose return type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const loadExample = (index: number): any => {
    const row = sampleAt(index);
    return filled.length === 1 ? row[0] : [...row];
  };
  const loadInputEvent = dataset.click({
    fn: loadExample,
    inputs: [dataset],
    outputs: filled,
    api_name: false,
    show_api: false,
    queue: false,
    show_progress: "hidden",
  });

  let runEvent: Dependency | null = null;
  if (props.run_on_click && fn) {
    runEvent = loadInputEvent.then({
      fn: fn as never,
      inputs,
      outputs,
      api_name: false,
      show_api: false,
      ...(props.batch === true ? { batch: true } : {}),
    } as never);
  }
  return { dataset, loadInputEvent, runEvent, inputs, outputs, examples: rows, cache: null, id, directory };
}
