import type { SelectData } from "@vitrine/core";

/** The events a Dataset fires; both carry `{ index, value }` of the clicked sample. */
export const datasetEvents = ["click", "select"] as const;
export type DatasetEvent = (typeof datasetEvents)[number];

/** The data its events carry: the sample clicked (`index`, `value`). */
export interface DatasetEventData { click: SelectData; select: SelectData }
