/** The events a SimpleImage fires, as Gradio declares them (none carries data). */
export const simpleImageEvents = ["clear", "change", "upload"] as const;
/** One of the names in `simpleImageEvents`, for typing listeners and event data. */
export type SimpleImageEvent = (typeof simpleImageEvents)[number];
