import type { KeyUpData, SelectData } from "@vitrine/core";

/** The events a Dropdown fires, as Gradio declares them. */
export const dropdownEvents = ["change", "input", "select", "focus", "blur", "key_up"] as const;
export type DropdownEvent = (typeof dropdownEvents)[number];

/**
 * The data its events carry: `select` gives the choice (`index`, `value`, `selected`: false when
 * a multiselect chip is removed), `key_up` the key and the text typed so far.
 */
export interface DropdownEventData {
  select: SelectData;
  key_up: KeyUpData;
}
