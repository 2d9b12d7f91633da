/**
 * Plotly figures as JSON, and Gradio's `PlotData`, the wire form of a plot. Types and pure
 * functions only: the server side and the browser view both use them.
 */
import type { Config, Data, Frame, Layout } from "plotly.js-dist-min";

/** A plotly.js figure: what `Plotly.newPlot` / `Plotly.react` take, and what Python's `fig.to_json()` gives. */
export interface PlotlyFigure {
  /** The traces. */
  data: Data[];
  /** The layout (title, axes, legend, …). */
  layout?: Partial<Layout>;
  /** The plot's config (mode bar, responsiveness, …). */
  config?: Partial<Config>;
  /** Animation frames. */
  frames?: Partial<Frame>[];
}

/** The plotting libraries Gradio's PlotData names; Vitrine draws `plotly` and `matplotlib` (an image). */
export const PLOT_TYPES = ["altair", "bokeh", "plotly", "matplotlib"] as const;
/** One of `PLOT_TYPES`: the library a plot on the wire comes from. */
export type PlotType = (typeof PLOT_TYPES)[number];

/**
 * A plot on the wire, as Gradio sends it: `plotly` with the figure's JSON text in `plot`,
 * `matplotlib` with an image's data URL (`data:image/png;base64,…`), `altair`/`bokeh` with their
 * JSON (`chart` names an altair chart's kind).
 */
export interface PlotData {
  /** The library the plot comes from. */
  type: PlotType;
  /** The plot itself: JSON text, or an image's data URL for matplotlib. */
  plot: string;
  /** An altair chart's kind. */
  chart?: "bar" | "line" | "scatter";
}

/** Whether `value` has PlotData's shape (a known `type` and a string `plot`). */
export function isPlotData(value: unknown): value is PlotData {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const { type, plot } = value as Record<string, unknown>;
  return typeof plot === "string" && (PLOT_TYPES as readonly unknown[]).includes(type);
}

/** Whether `value` is a plain JSON object (not an array, not null). */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Why `value` is not a plotly figure (a sentence), or null when it is one: an object with a
 * `data` array of trace objects, and, when present, an object `layout` and `config` and an
 * array `frames`.
 */
export function figureProblem(value: unknown): string | null {
  if (!isObject(value)) return `a figure is an object { data, layout? }, got ${describe(value)}`;
  if (!Array.isArray(value.data)) return `a figure needs a \`data\` array of traces, got ${describe(value.data)}`;
  const bad = value.data.findIndex((trace) => !isObject(trace));
  if (bad >= 0) return `trace ${bad} of \`data\` is not an object (got ${describe(value.data[bad])})`;
  if (value.layout !== undefined && value.layout !== null && !isObject(value.layout)) return `\`layout\` must be an object, got ${describe(value.layout)}`;
  if (value.config !== undefined && value.config !== null && !isObject(value.config)) return `\`config\` must be an object, got ${describe(value.config)}`;
  if (value.frames !== undefined && value.frames !== null && !Array.isArray(value.frames)) return `\`frames\` must be an array, got ${describe(value.frames)}`;
  return null;
}

/** A short description of a value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "object") return `an object with keys ${JSON.stringify(Object.keys(value).slice(0, 6))}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * A figure's title text (`layout.title` as a string or `{ text }`), or null. Plotly titles may
 * hold simple HTML (`<b>`, `<br>`): tags are dropped.
 */
export function figureTitle(figure: unknown): string | null {
  if (!isObject(figure) || !isObject(figure.layout)) return null;
  const title = figure.layout.title;
  const text = typeof title === "string" ? title : isObject(title) && typeof title.text === "string" ? title.text : null;
  if (text === null) return null;
  const plain = text.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, "").trim();
  return plain === "" ? null : plain;
}
