import type { SelectData } from "@vitrine/core";

/** The events a HighlightedText fires, as Gradio declares them. */
export const highlightedTextEvents = ["change", "select"] as const;
/** One of the names in `highlightedTextEvents`, for typing listeners and event data. */
export type HighlightedTextEvent = (typeof highlightedTextEvents)[number];

/**
 * The data its events carry: `select` gives the clicked span's position as `index` and the
 * span as `value` (`[text, label]`).
 */
export interface HighlightedTextEventData {
  /** A span was clicked. */
  select: SelectData;
}
