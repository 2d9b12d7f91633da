/**
 * The shapes shared by the server side and the view: the wire value (Gradio's `NativePlotData`) and the
 * options a native plot takes. Types only, safe for the browser.
 */

/** How a column's values are drawn: numbers, categories, or points in time (ms since the epoch). */
export type NativePlotDatatype = "quantitative" | "nominal" | "temporal";

/** What a plot draws its rows as: Gradio's `mark` (LinePlot `line`, BarPlot `bar`, ScatterPlot `point`). */
export type NativePlotMark = "line" | "bar" | "point";

/** A cell on the wire: a number (temporal cells are ms since the epoch), text, a boolean, or null. */
export type NativePlotCell = string | number | boolean | null;

/**
 * The wire value of LinePlot, BarPlot and ScatterPlot, as Gradio's `NativePlotData`: the table split into
 * its column names and rows, each column's datatype, and the mark the plot draws.
 */
export interface NativePlotData {
  /** Column names, in order. */
  columns: string[];
  /** Rows, one cell per column. */
  data: NativePlotCell[][];
  /** Each column's datatype, by name. */
  datatypes: Record<string, NativePlotDatatype>;
  /** The kind of plot. */
  mark: NativePlotMark | (string & {});
}

/** How y values that share an x (a bin, a category) are combined. */
export type NativePlotAggregate = "sum" | "mean" | "median" | "min" | "max" | "count";

/** Order of the x categories: by x or by y, ascending (or descending with `-`), or an explicit list. */
export type NativePlotSort = "x" | "y" | "-x" | "-y" | readonly (string | number)[];

/** What hovering a point shows: the axis columns, nothing, every column, or the axis columns plus a list. */
export type NativePlotTooltip = "axis" | "none" | "all" | readonly string[];

/** The buttons a plot may show (Gradio 6's `buttons`). */
export type NativePlotButton = "fullscreen" | "export";

/** A `[min, max]` limit; null leaves that end free. */
export type NativePlotLimits = readonly [number | null, number | null];
