/** The events a DuplicateButton fires (as Gradio's, the Button's one event). */
export const duplicateButtonEvents = ["click"] as const;
/** One of the names in `duplicateButtonEvents`, for typing listeners and event data. */
export type DuplicateButtonEvent = (typeof duplicateButtonEvents)[number];
