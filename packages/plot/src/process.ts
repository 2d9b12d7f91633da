import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  needFiles,
  type ApiDescription,
  type ComponentProps,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import { PLOTLY_ASSETS } from "./assets.js";
import { plotEvents, type PlotEvent, type PlotEventData } from "./events.js";
import { PLOT_TYPES, describe, figureProblem, isPlotData, type PlotData, type PlotlyFigure } from "./figure.js";
import { IMAGE_FORMATS, dataUrl, imageMimeFromBytes, imageMimeFromPath, isImageDataUrl } from "./image.js";

/**
 * What a function may return for a Plot:
 * - a plotly.js figure `{ data, layout?, config?, frames? }` (what `Plotly.newPlot` takes), or
 *   an object whose `toJSON()` gives one, or its JSON text (Python's `fig.to_json()`);
 * - an image of a plot (Gradio's matplotlib route): a path to a PNG, JPEG, WebP, GIF or SVG
 *   file, its bytes, an SVG document's text, or a `data:image/…;base64,` URL;
 * - a {@link PlotData} as it travels, passed through.
 */
export type PlotValue = PlotlyFigure | { toJSON(): unknown } | PlotData | Uint8Array | string;

/** What a function receives from a Plot input: the plotly figure, or the PlotData of any other kind of plot. */
export type PlotInput = PlotlyFigure | PlotData;

/** Props of a Plot. */
export interface PlotProps extends ComponentProps<PlotValue> {
  /**
   * The file format Gradio encodes matplotlib figures in (`"webp"` by default). Vitrine takes
   * plot images as they are (a file or bytes, sent as a data URL), so it is only passed on in
   * the config, as Gradio's.
   */
  format?: string;
}

/** Gradio's PlotData JSON schema (its pydantic model), as `/info` describes a Plot. */
export const PLOT_DATA_SCHEMA = {
  properties: {
    type: { enum: [...PLOT_TYPES], title: "Type", type: "string" },
    plot: { title: "Plot", type: "string" },
  },
  required: ["type", "plot"],
  title: "PlotData",
  type: "object",
} as const;

/** Typed arrays (Float64Array, …) become plain JSON arrays: plotly reads those. */
function jsonReplacer(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as unknown as ArrayLike<number>) : value;
}

/** Whether a string returned for a Plot is a path to an image file (not JSON text, not a data URL). */
function isPath(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const text = value.trim();
  return text !== "" && !text.startsWith("{") && !text.startsWith("<") && !isImageDataUrl(text) && !/^https?:\/\//i.test(text);
}

/**
 * Shows a plot: a plotly.js figure, drawn in the browser by plotly.js (loaded lazily, only on
 * pages that show a plot, from `components/plotly/plotly.min.js`), or an image of a plot. As an
 * input (rare, as in Gradio) the function receives the figure shown.
 */
export class PlotComponent extends Component<PlotInput | null, PlotValue | null, PlotData | null> {
  static override readonly events = plotEvents;
  readonly type = "plot";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)), assets: { plotly: PLOTLY_ASSETS } };
  declare readonly props: PlotProps;

  constructor(props: PlotProps = {}) {
    super(props as ComponentProps<PlotValue | null>);
    if (props.format !== undefined && (typeof props.format !== "string" || props.format === "")) {
      throw new TypeError(`Plot: format must be a file format such as "webp" or "png", got ${JSON.stringify(props.format)}`);
    }
  }

  private get title(): string {
    return this.props.label ? `Plot "${this.props.label}"` : "Plot";
  }

  /**
   * The figure the browser sent (a plotly PlotData's `plot` parsed), or the PlotData itself for
   * an image or another library's plot; null when empty. A bare figure object is taken too.
   */
  override preprocess(payload: PlotData | PlotlyFigure | null | undefined): PlotInput | null {
    if (payload === null || payload === undefined) return null;
    if (!isPlotData(payload)) {
      if (figureProblem(payload) === null) return payload as PlotlyFigure;
      throw new VitrineError(`${this.title}: expected a PlotData { type: ${PLOT_TYPES.map((t) => `"${t}"`).join(" | ")}, plot: string }, got ${describe(payload)}`);
    }
    if (payload.type !== "plotly") return { ...payload };
    return this.parseFigure(payload.plot, VitrineError);
  }

  /** Parses a figure's JSON text and checks its shape, throwing `Err` with a clear message. */
  private parseFigure(text: string, Err: new (message: string) => Error): PlotlyFigure {
    let figure: unknown;
    try {
      figure = JSON.parse(text);
    } catch (err) {
      throw new Err(`${this.title}: the plotly figure is not valid JSON (${(err as Error).message})`);
    }
    const problem = figureProblem(figure);
    if (problem) throw new Err(`${this.title}: ${problem}`);
    return figure as PlotlyFigure;
  }

  /**
   * Turns what the function returned into Gradio's PlotData: a figure into `{ type: "plotly",
   * plot: <its JSON> }`, an image into `{ type: "matplotlib", plot: <data URL> }`. An image path
   * is read through the file store (so only from where returned files may come), hence a promise.
   */
  override postprocess(value: PlotValue | null, context?: ProcessContext): PlotData | null | Promise<PlotData> {
    if (value === null || value === undefined) return null;
    if (isPlotData(value)) return { ...value };
    if (value instanceof Uint8Array) return this.imageBytes(value);
    if (typeof value === "string") {
      const text = value.trim();
      if (text.startsWith("{")) return this.plotly(this.parseFigure(text, TypeError));
      if (isImageDataUrl(text)) return { type: "matplotlib", plot: text };
      if (/^(<\?xml[\s\S]*?\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) return this.imageBytes(new TextEncoder().encode(text));
      if (/^https?:\/\//i.test(text)) {
        throw new TypeError(`${this.title}: a URL is not a plot; return a plotly figure, or an image as a path, bytes or a data URL`);
      }
      if (text === "") return null;
      return this.imagePath(text, context);
    }
    if (typeof value === "object") {
      const json = typeof (value as { toJSON?: unknown }).toJSON === "function" ? (value as { toJSON(): unknown }).toJSON() : value;
      const problem = figureProblem(json);
      if (problem) throw new TypeError(`${this.title}: ${problem}`);
      return this.plotly(json as PlotlyFigure);
    }
    throw new TypeError(`${this.title}: expected a plotly figure { data, layout? }, an image (path, bytes or data URL) or null, got ${describe(value)}`);
  }

  private plotly(figure: PlotlyFigure): PlotData {
    return { type: "plotly", plot: JSON.stringify(figure, jsonReplacer) };
  }

  private imageBytes(bytes: Uint8Array): PlotData {
    const mime = imageMimeFromBytes(bytes);
    if (!mime) throw new TypeError(`${this.title}: the bytes returned are not a ${IMAGE_FORMATS} image`);
    return { type: "matplotlib", plot: dataUrl(bytes, mime) };
  }

  /** Reads an image file through the file store; a wrong kind of path or no store throws at once. */
  private imagePath(path: string, context: ProcessContext | undefined): Promise<PlotData> {
    const mime = imageMimeFromPath(path);
    if (!mime) throw new TypeError(`${this.title}: ${JSON.stringify(path)} is not a plotly figure's JSON nor a ${IMAGE_FORMATS} image path`);
    const files = needFiles(this.title, context);
    return files.adopt(path).then(async (file) => ({ type: "matplotlib", plot: dataUrl(await files.read(file.path), mime) }));
  }

  /** An initial value given as an image path needs the file store: none without it (the server makes it). */
  override initialPayload(): unknown {
    return isPath(this.valueProp) ? null : super.initialPayload();
  }

  /** An example given as an image path needs the file store (see {@link processExampleWithFiles}). */
  override processExample(example: unknown): unknown {
    return isPath(example) ? null : super.processExample(example);
  }

  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    return example === null || example === undefined ? null : await this.postprocess(example as PlotValue, context);
  }

  api(): ApiDescription {
    return {
      type: PLOT_DATA_SCHEMA as unknown as Record<string, unknown>,
      python_type: { type: "Dict(type: Literal['altair', 'bokeh', 'plotly', 'matplotlib'], plot: str)", description: "" },
    };
  }

  protected override ownProps(): Record<string, unknown> {
    return { format: this.props.format ?? "webp", bokeh_version: null };
  }
}
export interface PlotComponent extends Listeners<PlotEvent, PlotEventData> {}

/**
 * A plot. Return a plotly.js figure (`{ data, layout }`) from the function, or an image of a
 * plot (a PNG/SVG path or bytes); the page draws figures with plotly.js, which it downloads
 * only when a plot has something to show.
 * @example vt.Plot({ label: "Sine" })
 * @example vt.Plot({ value: { data: [{ type: "bar", x: ["a", "b"], y: [2, 3] }], layout: { title: { text: "Votes" } } } })
 */
export function Plot(props: PlotProps = {}): PlotComponent {
  return new PlotComponent(props);
}
export type Plot = PlotComponent;
