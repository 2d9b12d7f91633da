import type { SelectData } from "@vitrine/core";

/** The events a LinePlot, BarPlot or ScatterPlot fires, as Gradio's `NativePlot.EVENTS`. */
export const nativePlotEvents = ["change", "select", "double_click"] as const;
/** One of the names in `nativePlotEvents`, for typing listeners and event data. */
export type NativePlotEvent = (typeof nativePlotEvents)[number];

/**
 * What `select` carries when the user drags a selection over a plot. As in Gradio, `index` and
 * `value` are both the selected `[min, max]` range of x (in seconds since the epoch when x is
 * temporal). On a category x, `index` is the first and last selected category's position and
 * `value` the selected categories. A box drawn on a ScatterPlot also gives its y range.
 */
export interface NativePlotSelectData extends SelectData {
  /** The selected x range, `[min, max]`; on a category x, the `[first, last]` selected position. */
  index: readonly [number, number];
  /** The selected x range, `[min, max]` (as `index`, as Gradio sends it); on a category x, the categories. */
  value: readonly [number, number] | readonly (string | number | boolean | null)[];
  selected: true;
  /** A ScatterPlot's box: the selected y range, `[min, max]`. */
  y_range?: readonly [number, number];
  /** The points inside the selection: their x, y (and color group), as drawn. */
  points?: readonly { x: unknown; y: unknown; color?: unknown }[];
}

/** The data the events carry: `select` gives the selected range. */
export interface NativePlotEventData {
  /** A range of the plot was selected. */
  select: NativePlotSelectData;
}
