import type { SelectData } from "@vitrine/core";

/** The events a HighlightedText fires, as Gradio declares them. */
export const highlightedTextEvents = ["change", "select"] as const;
export type HighlightedTextEvent = (typeof highlightedTextEvents)[number];

/**
 * The data its events carry: `select` gives the clicked span's position as `index` and the
 * span as `value` (`[text, label]`).
 */
export interface HighlightedTextEventData { select: SelectData }
