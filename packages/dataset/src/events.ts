import type { SelectData } from "@vitrine/core";

/** The events a Dataset fires; both carry `{ index, value }` of the clicked sample. */
export const datasetEvents = ["click", "select"] as const;
/** One of the names in `datasetEvents`, for typing listeners and event data. */
export type DatasetEvent = (typeof datasetEvents)[number];

/** The data its events carry: the sample clicked (`index`, `value`). */
export interface DatasetEventData {
  /** A sample was clicked. */
  click: SelectData;
  /** A sample was selected (by a click). */
  select: SelectData;
}
