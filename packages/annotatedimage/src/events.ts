import type { SelectData } from "@vitrine/core";

/** The events an AnnotatedImage fires (as Gradio's: `select` only). */
export const annotatedImageEvents = ["select"] as const;
export type AnnotatedImageEvent = (typeof annotatedImageEvents)[number];

/**
 * The data its events carry: `select` gives the clicked annotation's position in the list as
 * `index` and its label as `value`.
 */
export interface AnnotatedImageEventData { select: SelectData & { index: number; value: string } }
