import type { SelectData } from "@vitrine/core";

/** The events a Radio fires; `select` carries `{ index, value, selected }`. */
export const radioEvents = ["select", "change", "input"] as const;
export type RadioEvent = (typeof radioEvents)[number];

/** The data its events carry: `select` gives the choice (`index`, `value`, `selected`). */
export interface RadioEventData { select: SelectData }
