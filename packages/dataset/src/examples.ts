import {
  currentScope,
  type AnyComponent,
  type ComponentList,
  type Dependency,
  type EventFn,
  type ReturnOf,
} from "@vitrine/core";
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

/** Options of {@link Examples}, as in Gradio's `gr.Examples`. */
export interface ExamplesProps<I extends ComponentList, O extends ComponentList | undefined = undefined> {
  /** The examples: one row per example, one value per input (or bare values for one input). */
  examples: readonly NoInfer<ExampleRow<I>>[];
  /** The components the examples fill. */
  inputs: I;
  /** The outputs of `fn`, for `run_on_click`. */
  outputs?: O;
  /** The function run after an example is loaded, when `run_on_click` is set. Results are never cached. */
  fn?: NoInfer<EventFn<I, O>> | null;
  /** Whether clicking an example also runs `fn` (after filling the inputs). Default false. */
  run_on_click?: boolean;
  /** Label above the examples. Default "Examples". */
  label?: string | null;
  /** Examples shown per page. Default 10. */
  examples_per_page?: number;
  /** HTML id of the examples table. */
  elem_id?: string | null;
  /** Whether the examples are shown. Default true. */
  visible?: boolean;
}

/** What {@link Examples} made: the Dataset in the page and the events it wired. */
export interface ExamplesHandle {
  /** The Dataset showing the examples; its columns are the inputs that have example values. */
  readonly dataset: DatasetComponent<readonly AnyComponent[], "index">;
  /** The click event that fills the inputs with the clicked example. */
  readonly loadInputEvent: Dependency;
  /** The event that runs `fn` after loading, with `run_on_click`; otherwise `null`. */
  readonly runEvent: Dependency | null;
  /** The input components, in order. */
  readonly inputs: readonly AnyComponent[];
  /** The examples as rows of input values (bare single values wrapped). */
  readonly examples: readonly (readonly unknown[])[];
}

function toList(list: ComponentList | undefined): readonly AnyComponent[] {
  if (list === undefined) return [];
  return Array.isArray(list) ? list : [list as AnyComponent];
}

/**
 * Example inputs the user can click to fill the inputs, like Gradio's `gr.Examples`. Call
 * it inside a `Blocks` builder callback: it places a Dataset of the examples where it is
 * called, and wires its `click` to load the clicked example into `inputs`.
 *
 * @example
 * vt.Blocks(() => {
 *   const name = vt.Textbox({ label: "Name" });
 *   const times = vt.Number({ label: "Times" });
 *   vt.Examples({ examples: [["Ada", 2], ["Grace", 3]], inputs: [name, times] });
 * });
 */
export function Examples<const I extends ComponentList, const O extends ComponentList | undefined = undefined>(
  props: ExamplesProps<I, O>,
): ExamplesHandle {
  if (!currentScope()) throw new Error("Examples must be created inside a Blocks builder callback");
  const inputs = toList(props.inputs);
  if (inputs.length === 0) throw new TypeError("Examples: inputs must name at least one component");
  const given = props.examples as readonly unknown[];
  if (!Array.isArray(given)) throw new TypeError("Examples: examples must be a list");

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

  const dataset = new DatasetComponent<readonly AnyComponent[], "index">({
    components: filled,
    samples,
    type: "index",
    label: props.label === undefined ? "Examples" : props.label,
    samples_per_page: props.examples_per_page ?? 10,
    elem_id: props.elem_id ?? null,
    visible: props.visible ?? true,
  });

  // One filled input takes the bare value; several take a list (see ResultOf in core). The
  // number of inputs is only known at run time, hence the loose return type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const loadExample = (index: number): any => {
    const row = samples[index]!;
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
  if (props.run_on_click && props.fn) {
    runEvent = loadInputEvent.then({
      fn: props.fn,
      inputs: props.inputs,
      outputs: props.outputs,
      api_name: false,
      show_api: false,
    });
  }
  return { dataset, loadInputEvent, runEvent, inputs, examples: rows };
}
