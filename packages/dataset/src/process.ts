import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  type AnyComponent,
  type ApiDescription,
  type ComponentProps,
  type Listeners,
  type ProcessContext,
  type ReturnOf,
} from "@vitrine/core";
import { datasetEvents, type DatasetEvent, type DatasetEventData } from "./events.js";

/** What the function receives when a Dataset is an input: the sample's values, or its index. */
export type DatasetType = "index" | "values";

/** One sample: a value per column component, as that component takes it as an output. */
export type SampleRow<Cs extends readonly AnyComponent[]> = { -readonly [K in keyof Cs]: ReturnOf<Cs[K]> };

/** Props of a Dataset over the column components `Cs`. */
export interface DatasetProps<Cs extends readonly AnyComponent[] = AnyComponent[], T extends DatasetType = "values">
  extends Omit<ComponentProps<number>, "value"> {
  /**
   * The column components: they say how each column's values are processed and shown.
   * Pass existing components, or ones made with `render: false` (or `visible: false`) so
   * they do not also appear in the page.
   */
  components: Cs;
  /** The samples: one row per sample, one value per column component. */
  samples?: readonly NoInfer<SampleRow<Cs>>[] | null;
  /** Column headers; by default the components' labels. */
  headers?: readonly string[] | null;
  /** Samples shown per page. Default 10. */
  samples_per_page?: number;
  /** `"values"` (default) passes the clicked sample's values to the function, `"index"` its index. */
  type?: T;
  /** Index of the sample shown as selected, if any. */
  value?: number | null;
}

/**
 * A table of samples the user clicks. On the wire its value is the clicked sample's index;
 * the function receives that sample's values (or, with `type: "index"`, the index).
 */
export class DatasetComponent<Cs extends readonly AnyComponent[] = AnyComponent[], T extends DatasetType = "values">
  extends Component<T extends "index" ? number : SampleRow<Cs>, number | null, number | null> {
  static override readonly events = datasetEvents;
  readonly type = "dataset";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: DatasetProps<Cs, T>;
  /** The column components. */
  readonly components: Cs;
  /** The samples, as given (the function receives these with `type: "values"`). */
  readonly samples: readonly SampleRow<Cs>[];

  constructor(props: DatasetProps<Cs, T>) {
    super(props as ComponentProps<number | null>);
    const components = props.components as readonly unknown[];
    if (!Array.isArray(components)) throw new TypeError("Dataset: components must be a list of components");
    components.forEach((c, i) => {
      if (!(c instanceof Component)) throw new TypeError(`Dataset: components[${i}] is not a component`);
    });
    this.components = props.components;
    const samples = (props.samples ?? []) as readonly unknown[];
    if (!Array.isArray(samples)) throw new TypeError("Dataset: samples must be a list of rows");
    samples.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== components.length) {
        const got = Array.isArray(row) ? `${row.length} values` : JSON.stringify(row);
        throw new TypeError(`Dataset: sample ${i} must have one value per component (${components.length}), got ${got}`);
      }
    });
    this.samples = samples as readonly SampleRow<Cs>[];
    const type = props.type ?? "values";
    if (type !== "values" && type !== "index") {
      throw new TypeError(`Dataset: type must be "values" or "index", got ${JSON.stringify(type)}`);
    }
    const perPage = props.samples_per_page;
    if (perPage !== undefined && !(Number.isInteger(perPage) && perPage > 0)) {
      throw new RangeError(`Dataset: samples_per_page must be a positive integer, got ${String(perPage)}`);
    }
    if (props.headers && props.headers.length !== components.length) {
      throw new TypeError(`Dataset: headers has ${props.headers.length} entries but there are ${components.length} components`);
    }
  }

  private get title(): string {
    return this.props.label ? `Dataset "${this.props.label}"` : "Dataset";
  }

  /**
   * Turns the clicked index into the function's argument: with `type: "index"` the index itself
   * (as Gradio, not checked against the samples, which an update may have replaced on the page),
   * else the sample's values. A missing, negative or (for values) unknown index is a
   * {@link VitrineError}; a non-integer a `TypeError`.
   */
  override preprocess(payload: number | null | undefined): T extends "index" ? number : SampleRow<Cs> {
    if (payload === null || payload === undefined) throw new VitrineError(`${this.title}: no sample is selected`);
    if (typeof payload !== "number" || !Number.isInteger(payload)) {
      throw new TypeError(`${this.title} expects a sample index (an integer), got ${JSON.stringify(payload) ?? typeof payload}`);
    }
    type Out = T extends "index" ? number : SampleRow<Cs>;
    if (payload < 0) throw new VitrineError(`${this.title}: there is no sample ${payload} (it has ${this.samples.length})`);
    // As Gradio: an index is passed as it is. The samples may have been replaced on the page
    // by an update (a list that grows with the session), which the server does not keep.
    if ((this.props.type ?? "values") === "index") return payload as Out;
    const row = this.samples[payload];
    if (row === undefined) throw new VitrineError(`${this.title}: there is no sample ${payload} (it has ${this.samples.length})`);
    return [...row] as unknown as Out;
  }

  /** The function returns the index of the sample to show as selected, or `null` for none. */
  override postprocess(value: number | null): number | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== "number" || !Number.isInteger(value)) {
      throw new TypeError(`${this.title} expects a sample index (an integer), got ${JSON.stringify(value) ?? typeof value}`);
    }
    return value;
  }

  api(): ApiDescription {
    const description = "index of the selected sample";
    return { type: { type: "integer", description }, python_type: { type: "int", description } };
  }

  override exampleInput(): number {
    return 0;
  }

  protected override ownProps(): Record<string, unknown> {
    const { headers, samples_per_page = 10, type = "values" } = this.props;
    return {
      components: this.components.map((c) => c.type),
      component_ids: this.components.map((c) => c.id),
      component_props: this.components.map((c) => c.configProps()),
      samples: this.samples.map((row) => this.components.map((c, i) => c.processExample((row as readonly unknown[])[i]))),
      headers: headers ? [...headers] : [],
      samples_per_page,
      type,
    };
  }

  /** The samples made with the file store when the server starts: an image given as a path is shown from the cache. */
  override async configPropsWithFiles(context: ProcessContext): Promise<Record<string, unknown> | null> {
    const samples = await Promise.all(
      this.samples.map((row) => Promise.all(this.components.map((c, i) => c.processExampleWithFiles((row as readonly unknown[])[i], context)))),
    );
    return { samples };
  }
}
export interface DatasetComponent<Cs extends readonly AnyComponent[] = AnyComponent[], T extends DatasetType = "values">
  extends Listeners<DatasetEvent, DatasetEventData> {}

/**
 * A clickable table of samples, shown through its column components. As an input the
 * function receives the clicked sample's values (a tuple typed from `components`), or its
 * index with `type: "index"`.
 * @example
 * const text = vt.Textbox({ render: false });
 * const ds = vt.Dataset({ components: [text], samples: [["Hello"], ["Bonjour"]] });
 * ds.click({ fn: ([greeting]) => greeting, inputs: [ds], outputs: [out] });
 */
export function Dataset<const Cs extends readonly AnyComponent[], const T extends DatasetType = "values">(
  props: DatasetProps<Cs, T>,
): DatasetComponent<Cs, T> {
  return new DatasetComponent<Cs, T>(props);
}
export type Dataset<Cs extends readonly AnyComponent[] = AnyComponent[], T extends DatasetType = "values"> = DatasetComponent<Cs, T>;
