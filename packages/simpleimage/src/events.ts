/** The events a SimpleImage fires, as Gradio declares them (none carries data). */
export const simpleImageEvents = ["clear", "change", "upload"] as const;
export type SimpleImageEvent = (typeof simpleImageEvents)[number];
