import type { KeyUpData, SelectData } from "@vitrine/core";

/** The events a Dropdown fires, as Gradio declares them. */
export const dropdownEvents = ["change", "input", "select", "focus", "blur", "key_up"] as const;
/** One of the names in `dropdownEvents`, for typing listeners and event data. */
export type DropdownEvent = (typeof dropdownEvents)[number];

/**
 * The data its events carry: `select` gives the choice (`index`, `value`, `selected`: false when
 * a multiselect chip is removed), `key_up` the key and the text typed so far.
 */
export interface DropdownEventData {
  /** A choice was picked (or a multiselect chip removed). */
  select: SelectData;
  /** A key was released in the box. */
  key_up: KeyUpData;
}
