/** The events a Dataset fires; both carry `{ index, value }` of the clicked sample. */
export const datasetEvents = ["click", "select"] as const;
export type DatasetEvent = (typeof datasetEvents)[number];
