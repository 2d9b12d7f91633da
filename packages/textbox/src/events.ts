import type { SelectData } from "@vitrine/core";

/** The events a Textbox fires, with the data each carries. */
export const textboxEvents = ["change", "input", "submit", "focus", "blur", "select"] as const;
export type TextboxEvent = (typeof textboxEvents)[number];

/** The data its events carry: `select` gives the selected text as `value` and its `[start, end]` as `index`. */
export interface TextboxEventData { select: SelectData }
