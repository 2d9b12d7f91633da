/**
 * Builds the plotly.js figure of a native plot from its table and props: traces, layout and
 * config. Pure (no DOM, no plotly): the view draws what this returns with `Plotly.react`.
 */
import { binStep } from "./options.js";
import { aggregate, axisRange, binStart, bucketize, downsampleLine, sortCategories } from "./transform.js";
import type {
  NativePlotAggregate,
  NativePlotCell,
  NativePlotData,
  NativePlotDatatype,
  NativePlotLimits,
  NativePlotMark,
  NativePlotSort,
  NativePlotTooltip,
} from "./types.js";

/** The plot props the figure depends on (the component's config props). */
export interface FigureProps {
  x?: string | null;
  y?: string | null;
  color?: string | null;
  title?: string | null;
  x_title?: string | null;
  y_title?: string | null;
  color_title?: string | null;
  x_bin?: string | number | null;
  y_aggregate?: NativePlotAggregate | null;
  color_map?: Readonly<Record<string, string>> | null;
  colors_in_legend?: readonly string[] | null;
  x_lim?: NativePlotLimits | null;
  y_lim?: NativePlotLimits | null;
  x_label_angle?: number | null;
  y_label_angle?: number | null;
  x_axis_format?: string | null;
  y_axis_format?: string | null;
  x_axis_labels_visible?: boolean | "hidden";
  sort?: NativePlotSort | null;
  tooltip?: NativePlotTooltip;
}

/** The page's theme colours and font, read from its CSS variables (plotly needs plain colours). */
export interface FigureTheme {
  /** Text colour (`--body-text-color`). */
  text: string;
  /** Quieter text (`--body-text-color-subdued`), for the grid's zero line. */
  subdued: string;
  /** Grid and axis lines (`--border-color-primary`). */
  grid: string;
  /** The first series' colour (`--color-accent`). */
  accent: string;
  /** Hover label background (`--block-background-fill`). */
  background: string;
  /** The font family. */
  font: string;
  /** The continuous colour scale, light to dark (`--primary-100` … `--primary-900`). */
  scale: readonly string[];
}

/** A plotly trace, as this builder makes them. */
export interface FigureTrace {
  type: "scatter" | "bar";
  mode?: "lines" | "markers" | "lines+markers";
  name: string;
  x: NativePlotCell[];
  y: (number | null)[];
  [key: string]: unknown;
}

/** A plotly figure: what `Plotly.react(element, data, layout, config)` takes. */
export interface Figure {
  data: FigureTrace[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
}

/**
 * Series colours after the first (the theme's accent): Tableau 10, Vega-Lite's default scheme,
 * less those of the accent's hue.
 */
export const SERIES_COLORS = [
  "#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac",
] as const;

/** The hue (0–360) of an `rgb()`/`rgba()` or `#rrggbb` colour; null for grey or another syntax. */
export function hueOf(colour: string): number | null {
  let rgb: number[] | null = null;
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) rgb = [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16));
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(colour.trim());
  if (fn) rgb = [fn[1], fn[2], fn[3]].map(Number);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.08) return null;
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** The series palette after the accent: {@link SERIES_COLORS} without those too close in hue to it. */
export function seriesPalette(accent: string): string[] {
  const hue = hueOf(accent);
  if (hue === null) return [...SERIES_COLORS];
  return SERIES_COLORS.filter((c) => {
    const h = hueOf(c);
    return h === null || Math.min(Math.abs(h - hue), 360 - Math.abs(h - hue)) > 20;
  });
}

/** What the figure needs to know of the table after it has been read. */
interface Axes {
  x: string;
  y: string;
  color: string | null;
  xi: number;
  yi: number;
  ci: number;
  xType: NativePlotDatatype;
  colorType: NativePlotDatatype | null;
}

/** Escapes text plotly would read as its HTML subset or as a hovertemplate field. */
export function plotlyText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/%\{/g, "%&#123;");
}

function readAxes(value: NativePlotData, props: FigureProps): Axes {
  const x = props.x ?? value.columns[0] ?? "x";
  const y = props.y ?? value.columns[1] ?? "y";
  const color = props.color ?? null;
  const index = (name: string | null) => (name === null ? -1 : value.columns.indexOf(name));
  return {
    x,
    y,
    color,
    xi: index(x),
    yi: index(y),
    ci: index(color),
    xType: value.datatypes[x] ?? "quantitative",
    colorType: color === null ? null : (value.datatypes[color] ?? "nominal"),
  };
}

/** Whether y values are combined per x: Gradio aggregates bars and lines over categories or bins, scatters over bins. */
export function isAggregating(mark: NativePlotMark | string, xType: NativePlotDatatype, step: number | null): boolean {
  if (step !== null && xType !== "nominal") return true;
  return mark !== "point" && xType === "nominal";
}

/** A series: the rows of one color group, drawn as one trace. */
interface Series {
  name: string | null;
  rows: number[];
}

function seriesOf(value: NativePlotData, axes: Axes, continuous: boolean): Series[] {
  const all = value.data.map((_, i) => i);
  if (axes.ci < 0 || continuous) return [{ name: null, rows: all }];
  const groups = bucketize(
    value.data.map((row) => String(row[axes.ci] ?? "")),
    all,
  );
  return groups.map((g) => ({ name: g.key, rows: g.rows }));
}

function hoverTemplate(
  value: NativePlotData,
  axes: Axes,
  props: FigureProps,
  aggregating: boolean,
  how: NativePlotAggregate,
  extra: readonly string[],
): string {
  const xTitle = plotlyText(props.x_title || axes.x);
  const yTitle = plotlyText(props.y_title || axes.y);
  const xField = axes.xType === "temporal" ? "%{x|%Y-%m-%d %H:%M:%S}" : "%{x}";
  const lines = [`${yTitle}${aggregating && how !== "sum" ? ` (${how})` : ""}: %{y}`, `${xTitle}: ${xField}`];
  extra.forEach((column, i) => lines.push(`${plotlyText(column)}: %{customdata[${i}]}`));
  void value;
  return `${lines.join("<br>")}<extra>%{fullData.name}</extra>`;
}

/** The columns a tooltip shows besides x, y and color. */
export function tooltipColumns(value: Pick<NativePlotData, "columns">, props: FigureProps, axes: { x: string; y: string; color: string | null }): string[] {
  const tooltip = props.tooltip ?? "axis";
  if (tooltip === "axis" || tooltip === "none") return [];
  const others = value.columns.filter((c) => c !== axes.x && c !== axes.y && c !== axes.color);
  return tooltip === "all" ? others : others.filter((c) => (tooltip as readonly string[]).includes(c));
}

/**
 * The figure of `value` drawn as its `mark` (`line`, `bar` or `point`) with the plot's props:
 * - line: one trace per color group, its points sorted by x (aggregated per category or bin);
 * - bar: bars stacked by color group, y aggregated per x category or bin (`y_aggregate`, sum);
 * - point: markers, coloured by category (one trace each) or on a continuous scale.
 * Line and bar plots select x ranges; scatter plots select boxes.
 */
export function buildFigure(value: NativePlotData, props: FigureProps, theme: FigureTheme, mark: NativePlotMark | string = value.mark): Figure {
  const axes = readAxes(value, props);
  const step = axes.xType === "nominal" ? null : binStep(props.x_bin);
  const aggregating = isAggregating(mark, axes.xType, step);
  const how: NativePlotAggregate = props.y_aggregate ?? "sum";
  const continuous = mark === "point" && axes.colorType === "quantitative";
  const extra = aggregating ? [] : tooltipColumns(value, props, axes);
  const tooltip = props.tooltip ?? "axis";
  const template = hoverTemplate(value, axes, props, aggregating, how, extra);
  const colorMap = props.color_map ?? {};
  const inLegend = props.colors_in_legend;
  const cell = (row: number, column: number): NativePlotCell => (column < 0 ? null : (value.data[row]?.[column] ?? null));
  const numberOf = (c: NativePlotCell) => (typeof c === "number" ? c : null);
  const series = seriesOf(value, axes, continuous);
  const palette = seriesPalette(theme.accent);
  const xLim = props.x_lim && axes.xType === "temporal" ? (props.x_lim.map((v) => (v === null ? null : v * 1000)) as unknown as NativePlotLimits) : props.x_lim;

  // The x categories (nominal x): in order of first appearance, then as `sort` says.
  let categories: NativePlotCell[] | null = null;
  if (axes.xType === "nominal") {
    const seen = bucketize(value.data.map((_, r) => cell(r, axes.xi)), value.data.map((_, r) => cell(r, axes.yi)));
    const totals = new Map(seen.map((b) => [b.key, aggregating ? aggregate(b.ys, how) : aggregate(b.ys, "sum")]));
    // Sort lists are compared as text, as the wire may have turned numbers into strings.
    const keys = seen.map((b) => b.key);
    const sort = props.sort;
    const ordered = Array.isArray(sort)
      ? sortCategories(keys.map(String), sort.map(String)).map((k) => keys.find((c) => String(c) === k)!)
      : sortCategories(keys, sort as NativePlotSort | null | undefined, totals);
    categories = ordered;
  }

  const traces: FigureTrace[] = series.map((s, i) => {
    let xs: NativePlotCell[];
    let ys: (number | null)[];
    let customdata: NativePlotCell[][] | undefined;
    if (aggregating) {
      const keys = s.rows.map((r) => {
        const x = cell(r, axes.xi);
        return step !== null && typeof x === "number" ? binStart(x, step) : x;
      });
      const buckets = bucketize(keys, s.rows.map((r) => cell(r, axes.yi)));
      if (categories) {
        const byKey = new Map(buckets.map((b) => [b.key, b]));
        const present = categories.filter((c) => byKey.has(c));
        xs = present;
        ys = present.map((c) => aggregate(byKey.get(c)!.ys, how));
      } else {
        buckets.sort((a, b) => (a.key as number) - (b.key as number));
        // A bin is drawn at its middle.
        xs = buckets.map((b) => (b.key as number) + step! / 2);
        ys = buckets.map((b) => aggregate(b.ys, how));
      }
    } else {
      let rows = s.rows;
      if (mark === "line" && axes.xType !== "nominal") {
        const xOf = (r: number) => numberOf(cell(r, axes.xi));
        rows = [...rows].sort((a, b) => (xOf(a) ?? Infinity) - (xOf(b) ?? Infinity));
        // A long line keeps the lowest and highest point of each of 250 bins (as Gradio thins it).
        const within = xLim && xLim[0] !== null && xLim[1] !== null ? ([xLim[0], xLim[1]] as const) : null;
        rows = downsampleLine(rows, xOf, (r) => numberOf(cell(r, axes.yi)), within);
      }
      xs = rows.map((r) => cell(r, axes.xi));
      ys = rows.map((r) => numberOf(cell(r, axes.yi)));
      if (extra.length) customdata = rows.map((r) => extra.map((c) => cell(r, value.columns.indexOf(c))));
    }
    const name = s.name ?? (axes.color && !continuous ? "" : axes.y);
    const colour = (s.name !== null ? colorMap[s.name] : undefined) ?? (i === 0 ? theme.accent : palette[(i - 1) % palette.length]!);
    const trace: FigureTrace =
      mark === "bar"
        ? { type: "bar", name, x: xs, y: ys, marker: { color: colour } }
        : mark === "line"
          ? { type: "scatter", mode: "lines", name, x: xs, y: ys, line: { color: colour, width: 2 } }
          : { type: "scatter", mode: "markers", name, x: xs, y: ys, marker: { color: colour, size: 8 } };
    if (mark === "bar" && step !== null && !categories) trace.width = xs.map(() => step * 0.95);
    if (continuous) {
      const values = s.rows.map((r) => numberOf(cell(r, axes.ci)));
      trace.marker = {
        size: 8,
        color: values,
        colorscale: theme.scale.map((c, k) => [theme.scale.length > 1 ? k / (theme.scale.length - 1) : 0, c]),
        showscale: true,
        colorbar: { title: { text: plotlyText(props.color_title || axes.color!) }, outlinewidth: 0, tickfont: { color: theme.text } },
      };
      trace.customdata = undefined;
    }
    if (customdata) trace.customdata = customdata;
    if (tooltip === "none") trace.hoverinfo = "none";
    else trace.hovertemplate = continuous ? template.replace("<extra>%{fullData.name}</extra>", `<br>${plotlyText(axes.color!)}: %{marker.color}<extra></extra>`) : axes.color ? template : template.replace("%{fullData.name}", "");
    if (axes.color && !continuous) {
      trace.legendgroup = name;
      trace.showlegend = inLegend ? inLegend.includes(name) : true;
    } else {
      trace.showlegend = false;
    }
    return trace;
  });

  const axisFont = { family: theme.font, color: theme.text, size: 12 };
  const xRangeValues = traces.flatMap((t) => t.x);
  const yRangeValues = traces.flatMap((t) => t.y);
  const xRange = axes.xType === "nominal" ? null : axisRange(xLim, xRangeValues);
  const yRange = axisRange(props.y_lim, yRangeValues);
  const labelsVisible = props.x_axis_labels_visible !== false && props.x_axis_labels_visible !== "hidden";
  const showLegend = Boolean(axes.color) && !continuous && (inLegend ? inLegend.length > 0 : true);

  const xaxis: Record<string, unknown> = {
    title: { text: plotlyText(props.x_title || axes.x), font: axisFont },
    type: axes.xType === "temporal" ? "date" : axes.xType === "nominal" ? "category" : "linear",
    tickfont: axisFont,
    tickangle: props.x_label_angle ?? 0,
    showticklabels: labelsVisible,
    ticks: labelsVisible ? "outside" : "",
    tickcolor: theme.grid,
    gridcolor: theme.grid,
    linecolor: theme.grid,
    zerolinecolor: theme.grid,
    automargin: true,
    fixedrange: false,
  };
  if (props.x_axis_format) xaxis.tickformat = props.x_axis_format;
  if (categories) {
    xaxis.categoryorder = "array";
    xaxis.categoryarray = categories;
  }
  if (xRange) {
    xaxis.range = xRange;
    xaxis.autorange = false;
  }
  const yaxis: Record<string, unknown> = {
    title: { text: plotlyText(props.y_title || axes.y), font: axisFont },
    tickfont: axisFont,
    tickangle: props.y_label_angle ?? 0,
    tickcolor: theme.grid,
    gridcolor: theme.grid,
    linecolor: theme.grid,
    zerolinecolor: theme.subdued,
    automargin: true,
    rangemode: "normal",
  };
  if (props.y_axis_format) yaxis.tickformat = props.y_axis_format;
  if (yRange) {
    yaxis.range = yRange;
    yaxis.autorange = false;
  }

  const layout: Record<string, unknown> = {
    autosize: true,
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    font: { family: theme.font, color: theme.text },
    margin: { l: 8, r: 8, t: props.title ? 40 : 12, b: 8, pad: 0 },
    xaxis,
    yaxis,
    showlegend: showLegend,
    legend: {
      orientation: "h",
      x: 0.5,
      xanchor: "center",
      y: 1.02,
      yanchor: "bottom",
      font: axisFont,
      title: { text: plotlyText(props.color_title || axes.color || ""), font: axisFont },
    },
    hovermode: "closest",
    hoverlabel: { bgcolor: theme.background, bordercolor: theme.grid, font: { family: theme.font, color: theme.text } },
    dragmode: "select",
    selectdirection: mark === "point" ? "any" : "h",
    newselection: { line: { color: theme.text, dash: "dot", width: 1 } },
    activeselection: { fillcolor: theme.subdued, opacity: 0.12 },
    barmode: "stack",
    bargap: 0.15,
  };
  if (props.title) {
    layout.title = { text: plotlyText(props.title), font: { family: theme.font, color: theme.text, size: 16 }, x: 0.5, xanchor: "center" };
    if (showLegend) (layout.margin as Record<string, number>).t = 72;
  } else if (showLegend) {
    (layout.margin as Record<string, number>).t = 40;
  }

  const config = { responsive: true, displayModeBar: false, displaylogo: false, scrollZoom: false, doubleClick: "reset" };
  return { data: traces, layout, config };
}
