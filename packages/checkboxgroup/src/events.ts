import type { SelectData } from "@vitrine/core";

/** The events a CheckboxGroup fires, as Gradio declares them. */
export const checkboxGroupEvents = ["change", "input", "select"] as const;
/** One of the names in `checkboxGroupEvents`, for typing listeners and event data. */
export type CheckboxGroupEvent = (typeof checkboxGroupEvents)[number];

/** The data its events carry: `select` gives the toggled choice (`index`, `value`, `selected`). */
export interface CheckboxGroupEventData {
  /** A choice was ticked or cleared. */
  select: SelectData;
}
