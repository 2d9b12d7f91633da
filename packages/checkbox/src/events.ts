import type { SelectData } from "@vitrine/core";

/** The events a Checkbox fires; `select` carries `{ index, value, selected }`. */
export const checkboxEvents = ["change", "input", "select"] as const;
/** One of the names in `checkboxEvents`, for typing listeners and event data. */
export type CheckboxEvent = (typeof checkboxEvents)[number];

/** The data its events carry: `select` gives `index` 0, the label as `value`, and whether it is now `selected`. */
export interface CheckboxEventData {
  /** The checkbox was ticked or cleared. */
  select: SelectData;
}
