/** The events a ClearButton fires (as Gradio's, the Button's one event). */
export const clearButtonEvents = ["click"] as const;
export type ClearButtonEvent = (typeof clearButtonEvents)[number];
