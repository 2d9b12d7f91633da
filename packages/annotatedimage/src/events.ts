import type { SelectData } from "@vitrine/core";

/** The events an AnnotatedImage fires (as Gradio's: `select` only). */
export const annotatedImageEvents = ["select"] as const;
/** One of the names in `annotatedImageEvents`, for typing listeners and event data. */
export type AnnotatedImageEvent = (typeof annotatedImageEvents)[number];

/**
 * The data its events carry: `select` gives the clicked annotation's position in the list as
 * `index` and its label as `value`.
 */
export interface AnnotatedImageEventData {
  /** An annotation was clicked. */
  select: SelectData & { index: number; value: string };
}
