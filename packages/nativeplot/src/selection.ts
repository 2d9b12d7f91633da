/**
 * Turns plotly's `plotly_selected` event into the `select` event's data (Gradio's SelectData for
 * native plots). Pure.
 */
import type { NativePlotDatatype } from "./types.js";

/** The part of plotly's selection event this reads. */
export interface PlotlySelection {
  range?: { x?: readonly unknown[]; y?: readonly unknown[] };
  lassoPoints?: { x?: readonly unknown[]; y?: readonly unknown[] };
  points?: readonly {
    x?: unknown;
    y?: unknown;
    pointIndex?: number;
    data?: { name?: string; x?: readonly unknown[]; y?: readonly unknown[] };
    fullData?: { name?: string };
  }[];
}

/** The `select` event's data for a selection on a plot. */
export interface SelectionData {
  index: [number, number];
  value: unknown;
  selected: true;
  y_range?: [number, number];
  points: { x: unknown; y: unknown; color?: unknown }[];
}

/**
 * A plotly date (`"2024-01-02 03:04:05.678"`, taken as UTC as plotly draws ms timestamps) or a
 * number of ms, in seconds since the epoch.
 */
export function dateSeconds(value: unknown): number | null {
  if (typeof value === "number") return value / 1000;
  if (typeof value !== "string") return null;
  const iso = value.trim().replace(" ", "T");
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : /T/.test(iso) ? `${iso}Z` : `${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms / 1000;
}

function extent(values: readonly unknown[] | undefined, read: (v: unknown) => number | null): [number, number] | null {
  const numbers = (values ?? []).map(read).filter((v): v is number => v !== null && Number.isFinite(v));
  return numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : null;
}

/**
 * The `select` data of a selection: `index` and `value` the selected `[min, max]` x range (seconds
 * since the epoch on a time axis), as Gradio sends it. On a category axis, `index` is the
 * `[first, last]` position of the categories inside the range and `value` their list. A box (a
 * ScatterPlot's) adds `y_range`; `points` lists the points inside. Null when nothing was selected.
 */
export function selectionData(
  event: PlotlySelection | null | undefined,
  xType: NativePlotDatatype,
  options: { box: boolean; categories?: readonly unknown[]; color?: boolean },
): SelectionData | null {
  if (!event) return null;
  const points = (event.points ?? []).map((p) => {
    // The trace's own values (a stacked bar's point y is the top of its stack).
    const i = p.pointIndex;
    const rawX = i !== undefined && p.data?.x && i < p.data.x.length ? p.data.x[i] : p.x;
    const rawY = i !== undefined && p.data?.y && i < p.data.y.length ? p.data.y[i] : p.y;
    const x = xType === "temporal" ? dateSeconds(rawX) : rawX;
    const point: { x: unknown; y: unknown; color?: unknown } = { x, y: rawY };
    if (options.color) point.color = p.data?.name ?? p.fullData?.name ?? null;
    return point;
  });
  const xs = event.range?.x ?? event.lassoPoints?.x;
  const ys = event.range?.y ?? event.lassoPoints?.y;
  const readX = xType === "temporal" ? dateSeconds : (v: unknown) => (typeof v === "number" ? v : null);
  let xRange = extent(xs, readX);
  if (!xRange && xType !== "nominal") xRange = extent(points.map((p) => p.x), (v) => (typeof v === "number" ? v : null));
  const data: SelectionData = { index: [0, 0], value: null, selected: true, points };
  if (xType === "nominal") {
    const categories = options.categories ?? [];
    let chosen: number[];
    if (xRange) {
      const [lo, hi] = xRange;
      chosen = categories.map((_, i) => i).filter((i) => i >= lo && i <= hi);
    } else {
      chosen = [...new Set(points.map((p) => categories.indexOf(p.x)).filter((i) => i >= 0))].sort((a, b) => a - b);
    }
    if (chosen.length === 0) return null;
    data.index = [chosen[0]!, chosen[chosen.length - 1]!];
    data.value = chosen.map((i) => categories[i]);
  } else {
    if (!xRange) return null;
    data.index = xRange;
    data.value = [...xRange];
  }
  if (options.box) {
    const yRange = extent(ys, (v) => (typeof v === "number" ? v : null));
    if (yRange) data.y_range = yRange;
  }
  return data;
}
