import type { SelectData } from "@vitrine/core";

/** The events a Textbox fires, with the data each carries. */
export const textboxEvents = ["change", "input", "submit", "focus", "blur", "select", "stop", "copy"] as const;
export type TextboxEvent = (typeof textboxEvents)[number];

/** What `copy` carries (Gradio's CopyData): the text copied with the copy button. */
export interface CopyData {
  value: string;
}

/**
 * The data its events carry: `select` gives the selected text as `value` and its `[start, end]`
 * as `index`; `copy` the copied text.
 */
export interface TextboxEventData {
  select: SelectData;
  copy: CopyData;
}
