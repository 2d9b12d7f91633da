import type { SelectData } from "@vitrine/core";

/** The events a Label fires, with the data each carries. */
export const labelEvents = ["change", "select"] as const;
/** One of the names in `labelEvents`, for typing listeners and event data. */
export type LabelEvent = (typeof labelEvents)[number];

/** The data its events carry: `select` gives the clicked confidence's position as `index` and its label as `value`. */
export interface LabelEventData {
  /** A confidence bar was clicked. */
  select: SelectData;
}
