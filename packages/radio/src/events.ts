import type { SelectData } from "@vitrine/core";

/** The events a Radio fires; `select` carries `{ index, value, selected }`. */
export const radioEvents = ["select", "change", "input"] as const;
/** One of the names in `radioEvents`, for typing listeners and event data. */
export type RadioEvent = (typeof radioEvents)[number];

/** The data its events carry: `select` gives the choice (`index`, `value`, `selected`). */
export interface RadioEventData {
  /** A choice was picked. */
  select: SelectData;
}
