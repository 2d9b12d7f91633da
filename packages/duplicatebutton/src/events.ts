/** The events a DuplicateButton fires (as Gradio's, the Button's one event). */
export const duplicateButtonEvents = ["click"] as const;
export type DuplicateButtonEvent = (typeof duplicateButtonEvents)[number];
