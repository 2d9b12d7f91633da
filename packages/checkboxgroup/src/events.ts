import type { SelectData } from "@vitrine/core";

/** The events a CheckboxGroup fires, as Gradio declares them. */
export const checkboxGroupEvents = ["change", "input", "select"] as const;
export type CheckboxGroupEvent = (typeof checkboxGroupEvents)[number];

/** The data its events carry: `select` gives the toggled choice (`index`, `value`, `selected`). */
export interface CheckboxGroupEventData { select: SelectData }
