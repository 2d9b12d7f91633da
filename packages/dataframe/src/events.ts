import type { EditData, SelectData } from "@vitrine/core";

/**
 * The events a Dataframe fires, as Gradio 5/6 declares them (`change`, `input`, `select`,
 * `edit`). Sorting and searching change only what is shown, never the value, and fire nothing.
 */
export const dataframeEvents = ["change", "input", "select", "edit"] as const;
/** One of the names in `dataframeEvents`, for typing listeners and event data. */
export type DataframeEvent = (typeof dataframeEvents)[number];

/**
 * The data its events carry: `select` gives the cell's `[row, column]` as `index` (the row's
 * position in the value, whatever the sort), its `value`, and the whole `row_value` and
 * `col_value`; `edit` gives the edited cell's `index`, its new `value` and `previous_value`.
 */
export interface DataframeEventData {
  /** A cell was clicked: its `[row, column]`, value, row and column. */
  select: SelectData & { index: readonly [number, number]; row_value: unknown[]; col_value: unknown[] };
  /** A cell was edited: its `[row, column]`, new and previous value. */
  edit: EditData & { index: readonly [number, number] };
}
