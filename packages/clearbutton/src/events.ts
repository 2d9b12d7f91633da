/** The events a ClearButton fires (as Gradio's, the Button's one event). */
export const clearButtonEvents = ["click"] as const;
/** One of the names in `clearButtonEvents`, for typing listeners and event data. */
export type ClearButtonEvent = (typeof clearButtonEvents)[number];
