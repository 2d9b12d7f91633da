import type { CopyData } from "@vitrine/core";

/** The events a Markdown fires (as Gradio's): `change`, and `copy` when a copy button is used. */
export const markdownEvents = ["change", "copy"] as const;
/** One of the names in `markdownEvents`, for typing listeners and event data. */
export type MarkdownEvent = (typeof markdownEvents)[number];

/** The data Markdown's events carry: `copy` gives the text copied (the whole source, or one code block). */
export interface MarkdownEventData {
  /** Text was copied (the whole source, or one code block). */
  copy: CopyData;
}
