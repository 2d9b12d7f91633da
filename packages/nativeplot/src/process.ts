import { fileURLToPath } from "node:url";
import { PLOTLY_ASSETS } from "@vitrine/plot/assets";
import {
  Component,
  VitrineError,
  type ApiDescription,
  type ComponentProps,
  type ComponentUi,
  type Listeners,
} from "@vitrine/core";
import { nativePlotEvents, type NativePlotEvent, type NativePlotEventData } from "./events.js";
import { AGGREGATES, binStep } from "./options.js";
import { PlotTableError, toPlotData, toPlotTable, type NativePlotValue } from "./table.js";
import type { NativePlotAggregate, NativePlotButton, NativePlotData, NativePlotLimits, NativePlotMark, NativePlotSort, NativePlotTooltip } from "./types.js";

/** Props of a LinePlot, BarPlot or ScatterPlot: Gradio's `NativePlot` parameters. */
export interface NativePlotProps extends ComponentProps<NativePlotValue> {
  /** The column drawn along x: numbers, Dates (a time axis) or text (categories). */
  x?: string | null;
  /** The column drawn along y: numbers. */
  y?: string | null;
  /**
   * The column that splits rows into series, one colour each: text (categories) or numbers
   * (a continuous colour scale, on a ScatterPlot).
   */
  color?: string | null;
  /** The title above the plot. */
  title?: string | null;
  /** The x axis title; by default the x column's name. */
  x_title?: string | null;
  /** The y axis title; by default the y column's name. */
  y_title?: string | null;
  /** The legend's title; by default the color column's name. */
  color_title?: string | null;
  /**
   * Groups x values into bins: a number, the bin width of a numeric x; or a duration for a time
   * x, such as `"30s"`, `"15m"`, `"1h"`, `"2d"` (units s, m, h, d). Bins are aggregated with `y_aggregate`.
   */
  x_bin?: string | number | null;
  /**
   * How y values that share an x bin or category are combined: `"sum"` (the default for
   * LinePlot and BarPlot when they aggregate), `"mean"`, `"median"`, `"min"`, `"max"` or `"count"`.
   */
  y_aggregate?: NativePlotAggregate | null;
  /** Colour of each series, by color value: `{ success: "green", fail: "#FF8888" }`. */
  color_map?: Readonly<Record<string, string>> | null;
  /** The series the legend lists (all by default; `[]` hides the legend). */
  colors_in_legend?: readonly string[] | null;
  /** `[min, max]` of the x axis; null leaves an end free. For a time x, in seconds since the epoch. */
  x_lim?: NativePlotLimits | null;
  /** `[min, max]` of the y axis; null leaves an end free. */
  y_lim?: NativePlotLimits | null;
  /** Angle of the x tick labels, in degrees clockwise. Default 0. */
  x_label_angle?: number;
  /** Angle of the y tick labels, in degrees clockwise. Default 0. */
  y_label_angle?: number;
  /** A d3 format for the x tick labels (`".2e"`, `"~g"`); default plotly's. */
  x_axis_format?: string | null;
  /** A d3 format for the y tick labels (`".2e"`, `"~g"`); default plotly's. */
  y_axis_format?: string | null;
  /** Whether the x tick labels show (`false` or `"hidden"` hides them, for many categories). */
  x_axis_labels_visible?: boolean | "hidden";
  /** A caption under the plot. */
  caption?: string | null;
  /**
   * Order of x categories: `"x"`/`"-x"` by x ascending/descending, `"y"`/`"-y"` by y, or the
   * categories in the order to show them.
   */
  sort?: NativePlotSort | null;
  /**
   * What hovering a point shows: `"axis"` (x, y and color; the default), `"none"`, `"all"` (every
   * column), or a list of more columns to show beside the axis ones.
   */
  tooltip?: NativePlotTooltip;
  /** Height of the plot, in pixels (a number) or any CSS length. */
  height?: number | string | null;
  /** Width of the plot, in pixels (a number) or any CSS length; by default the block's. */
  width?: number | string | null;
  /**
   * Buttons on the plot (Gradio 6): `"fullscreen"` and `"export"` (downloads the plot as a PNG).
   * None by default.
   */
  buttons?: readonly NativePlotButton[] | null;
  /** Gradio 5's spelling of `buttons: ["fullscreen"]`. */
  show_fullscreen_button?: boolean;
  /** Gradio 5's spelling of `buttons: ["export"]`. */
  show_export_button?: boolean;
}

/** The built browser module every native plot loads (one view draws the three kinds). */
const UI_FILE = fileURLToPath(new URL("../dist/ui.js", import.meta.url));

const KIND_NAMES: Record<NativePlotMark, string> = { line: "LinePlot", bar: "BarPlot", point: "ScatterPlot" };
const SORT_KEYS = ["x", "y", "-x", "-y"];
const TOOLTIPS = ["axis", "none", "all"];
const BUTTONS: readonly NativePlotButton[] = ["fullscreen", "export"];

function isLimits(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => v === null || (typeof v === "number" && Number.isFinite(v)))
  );
}

/**
 * The base of LinePlot, BarPlot and ScatterPlot (Gradio's `NativePlot`): a table drawn with
 * plotly.js. Its value is a table ({@link NativePlotValue}); on the wire it is Gradio's `NativePlotData`
 * (`{ columns, data, datatypes, mark }`), which is also what a function taking it receives.
 */
export abstract class NativePlotComponent extends Component<NativePlotData | null, NativePlotValue | null, NativePlotData | null> {
  static override readonly events = nativePlotEvents;
  readonly ui: ComponentUi = { file: UI_FILE, assets: { plotly: PLOTLY_ASSETS } };
  declare readonly props: NativePlotProps;
  /** What the plot draws: `line`, `bar` or `point`. */
  readonly mark: NativePlotMark;
  /** The buttons shown, from `buttons` or Gradio 5's `show_*_button`. */
  readonly buttons: readonly NativePlotButton[];

  constructor(mark: NativePlotMark, props: NativePlotProps = {}) {
    // As Gradio: without a label, the label is not shown unless asked.
    super({ ...props, show_label: props.show_label ?? Boolean(props.label) } as ComponentProps<NativePlotValue | null>);
    this.mark = mark;
    this.buttons = this.checkProps(props);
    if (this.valueProp !== undefined && this.valueProp !== null) this.postprocess(this.valueProp);
  }

  /** `LinePlot "Sales"`: how messages name this plot. */
  protected get title(): string {
    const name = KIND_NAMES[this.mark];
    return this.props.label ? `${name} "${this.props.label}"` : name;
  }

  private checkProps(props: NativePlotProps): readonly NativePlotButton[] {
    const fail = (message: string): never => {
      throw new TypeError(`${this.title}: ${message}`);
    };
    for (const key of ["x", "y", "color"] as const) {
      const v = props[key];
      if (v !== undefined && v !== null && typeof v !== "string") fail(`${key} must be a column name, got ${JSON.stringify(v)}`);
    }
    if (props.y_aggregate != null && !AGGREGATES.includes(props.y_aggregate)) {
      fail(`y_aggregate must be one of ${AGGREGATES.join(", ")}, got ${JSON.stringify(props.y_aggregate)}`);
    }
    try {
      binStep(props.x_bin);
    } catch (err) {
      fail((err as Error).message);
    }
    const sort = props.sort;
    if (sort != null && !(typeof sort === "string" ? SORT_KEYS.includes(sort) : Array.isArray(sort))) {
      fail(`sort must be "x", "y", "-x", "-y" or a list of x values, got ${JSON.stringify(sort)}`);
    }
    const tooltip = props.tooltip;
    if (tooltip !== undefined && !(typeof tooltip === "string" ? TOOLTIPS.includes(tooltip) : Array.isArray(tooltip) && tooltip.every((c) => typeof c === "string"))) {
      fail(`tooltip must be "axis", "none", "all" or a list of column names, got ${JSON.stringify(tooltip)}`);
    }
    for (const key of ["x_lim", "y_lim"] as const) {
      if (props[key] != null && !isLimits(props[key])) fail(`${key} must be [min, max] (numbers or null), got ${JSON.stringify(props[key])}`);
    }
    if (props.color_map != null && (typeof props.color_map !== "object" || Object.values(props.color_map).some((c) => typeof c !== "string"))) {
      fail(`color_map must map series to colour names or codes, got ${JSON.stringify(props.color_map)}`);
    }
    const buttons = props.buttons ?? [
      ...(props.show_fullscreen_button ? (["fullscreen"] as const) : []),
      ...(props.show_export_button ? (["export"] as const) : []),
    ];
    if (!Array.isArray(buttons)) fail(`buttons must be a list of "fullscreen" and "export", got ${JSON.stringify(buttons)}`);
    for (const b of buttons) if (!BUTTONS.includes(b)) fail(`buttons may hold "fullscreen" and "export", got ${JSON.stringify(b)}`);
    return [...buttons];
  }

  /** The x, y and color columns that are set, in that order: the names of nameless rows. */
  private get positional(): string[] {
    return [this.props.x, this.props.y, this.props.color].filter((c): c is string => typeof c === "string");
  }

  /** Checks that the columns the plot names are in the table; throws naming the missing one. */
  private checkNamedColumns(columns: readonly string[]): void {
    const named: [string, string | null | undefined][] = [
      ["x", this.props.x],
      ["y", this.props.y],
      ["color", this.props.color],
      ...(Array.isArray(this.props.tooltip) ? this.props.tooltip.map((c): [string, string] => ["tooltip", c]) : []),
    ];
    for (const [role, column] of named) {
      if (column == null || columns.includes(column)) continue;
      throw new Error(
        `${this.title}: ${role} is ${JSON.stringify(column)}, but the data has no such column (its columns: ${columns.map((c) => JSON.stringify(c)).join(", ") || "none"})`,
      );
    }
  }

  /**
   * Turns the table a function returned (records, columns, `{ headers, data }`, rows, or Gradio's
   * `NativePlotData`) into `NativePlotData` with each column's datatype. Throws an error naming the problem
   * when the table is malformed or lacks the x, y or color column.
   */
  override postprocess(value: NativePlotValue | null): NativePlotData | null {
    if (value === null || value === undefined) return null;
    let data: NativePlotData;
    try {
      data = toPlotData(value, this.mark, this.positional);
    } catch (err) {
      if (err instanceof PlotTableError) throw new TypeError(`${this.title}: ${err.message}`);
      throw err;
    }
    if (data.data.length > 0 || !Array.isArray(value)) this.checkNamedColumns(data.columns);
    return data;
  }

  /** Passes the browser's `NativePlotData` on (as Gradio does), after checking its shape. */
  override preprocess(payload: NativePlotData | null | undefined): NativePlotData | null {
    if (payload === null || payload === undefined) return null;
    if (typeof payload !== "object" || !Array.isArray(payload.columns) || !Array.isArray(payload.data)) {
      throw new VitrineError(`${this.title}: expected { columns, data, datatypes, mark }, got ${JSON.stringify(payload).slice(0, 80)}`);
    }
    let table;
    try {
      table = toPlotTable(payload, []);
    } catch (err) {
      if (err instanceof PlotTableError) throw new VitrineError(`${this.title}: ${err.message}`);
      throw err;
    }
    return { ...table, mark: typeof payload.mark === "string" ? payload.mark : this.mark };
  }

  /** As Gradio's: any JSON. */
  api(): ApiDescription {
    return {
      type: { type: {}, description: "any valid json" },
      python_type: { type: "str | float | bool | list | dict", description: "any valid json" },
    };
  }

  protected override ownProps(): Record<string, unknown> {
    const p = this.props;
    return {
      x: p.x ?? null,
      y: p.y ?? null,
      color: p.color ?? null,
      title: p.title ?? null,
      x_title: p.x_title ?? null,
      y_title: p.y_title ?? null,
      color_title: p.color_title ?? null,
      x_bin: p.x_bin ?? null,
      y_aggregate: p.y_aggregate ?? null,
      color_map: p.color_map ? { ...p.color_map } : null,
      colors_in_legend: p.colors_in_legend ? [...p.colors_in_legend] : null,
      x_lim: p.x_lim ? [...p.x_lim] : null,
      y_lim: p.y_lim ? [...p.y_lim] : null,
      x_label_angle: p.x_label_angle ?? 0,
      y_label_angle: p.y_label_angle ?? 0,
      x_axis_format: p.x_axis_format ?? null,
      y_axis_format: p.y_axis_format ?? null,
      x_axis_labels_visible: p.x_axis_labels_visible ?? true,
      caption: p.caption ?? null,
      sort: p.sort == null ? null : typeof p.sort === "string" ? p.sort : [...p.sort],
      tooltip: p.tooltip === undefined ? "axis" : typeof p.tooltip === "string" ? p.tooltip : [...p.tooltip],
      height: p.height ?? null,
      width: p.width ?? null,
      buttons: [...this.buttons],
    };
  }

  override configProps(): Record<string, unknown> {
    const props = super.configProps();
    delete props.show_fullscreen_button;
    delete props.show_export_button;
    return props;
  }
}
export interface NativePlotComponent extends Listeners<NativePlotEvent, NativePlotEventData> {}

/** A line chart of a table: one line per color group, through the points sorted by x. */
export class LinePlotComponent extends NativePlotComponent {
  readonly type = "lineplot";
  constructor(props: NativePlotProps = {}) {
    super("line", props);
  }
}

/**
 * A bar chart of a table: one bar per x category (or `x_bin` bin), its y aggregated
 * (`y_aggregate`, sum by default), stacked by color group.
 */
export class BarPlotComponent extends NativePlotComponent {
  readonly type = "barplot";
  constructor(props: NativePlotProps = {}) {
    super("bar", props);
  }
}

/** A scatter chart of a table: one marker per row, coloured by category or on a continuous scale. */
export class ScatterPlotComponent extends NativePlotComponent {
  readonly type = "scatterplot";
  constructor(props: NativePlotProps = {}) {
    super("point", props);
  }
}

/**
 * A line plot of a table (Gradio's `gr.LinePlot`). Its value, and what a function returns for it,
 * is a table: records, `{ column: values[] }`, `{ headers, data }` or rows.
 * Dragging across it selects an x range and fires `select`.
 * @example vt.LinePlot({ value: [{ day: 1, sales: 10 }, { day: 2, sales: 14 }], x: "day", y: "sales" })
 */
export function LinePlot(props: NativePlotProps = {}): LinePlotComponent {
  return new LinePlotComponent(props);
}
export type LinePlot = LinePlotComponent;

/**
 * A bar plot of a table (Gradio's `gr.BarPlot`): bars per x category or bin, y summed (or
 * `y_aggregate`), stacked by `color`.
 * @example vt.BarPlot({ value: { fruit: ["apple", "pear"], sold: [3, 5] }, x: "fruit", y: "sold" })
 */
export function BarPlot(props: NativePlotProps = {}): BarPlotComponent {
  return new BarPlotComponent(props);
}
export type BarPlot = BarPlotComponent;

/**
 * A scatter plot of a table (Gradio's `gr.ScatterPlot`). Dragging a box over it selects points
 * and fires `select` with the x and y ranges.
 * @example vt.ScatterPlot({ value: rows, x: "height", y: "weight", color: "species" })
 */
export function ScatterPlot(props: NativePlotProps = {}): ScatterPlotComponent {
  return new ScatterPlotComponent(props);
}
export type ScatterPlot = ScatterPlotComponent;
