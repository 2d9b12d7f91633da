import type { SelectData } from "@vitrine/core";

/** The events a Textbox fires, with the data each carries. */
export const textboxEvents = ["change", "input", "submit", "focus", "blur", "select", "stop", "copy"] as const;
/** One of the names in `textboxEvents`, for typing listeners and event data. */
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
  /** Text was selected in the field. */
  select: SelectData;
  /** Text was copied with the copy button. */
  copy: CopyData;
}
