/**
 * The events an ImageSlider fires (none carries data). Gradio also declares `stream` and
 * `select`, which its own view never fires (no webcam, no pixel selection): they are left out.
 */
export const imageSliderEvents = ["clear", "change", "upload", "input"] as const;
/** One of the names in `imageSliderEvents`, for typing listeners and event data. */
export type ImageSliderEvent = (typeof imageSliderEvents)[number];
