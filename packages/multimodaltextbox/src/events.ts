import type { SelectData } from "@vitrine/core";

/**
 * The events a MultimodalTextbox fires, as Gradio declares them (`MultimodalTextbox.EVENTS`):
 * `change` (text or files changed), `input` (the user changed them), `select` (text selected),
 * `submit` (Enter or the submit button), `focus`, `blur`, and `stop` (its stop button).
 */
export const multimodalTextboxEvents = ["change", "input", "select", "submit", "focus", "blur", "stop"] as const;
/** One of the names in `multimodalTextboxEvents`, for typing listeners and event data. */
export type MultimodalTextboxEvent = (typeof multimodalTextboxEvents)[number];

/** The data its events carry: `select` gives the selected text as `value` and its `[start, end]` as `index`. */
export interface MultimodalTextboxEventData {
  /** Text was selected in the box. */
  select: SelectData;
}
