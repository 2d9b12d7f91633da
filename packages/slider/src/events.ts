/** The events a Slider fires; `release` carries the value when the user lets go. */
export const sliderEvents = ["change", "input", "release"] as const;
/** One of the names in `sliderEvents`, for typing listeners and event data. */
export type SliderEvent = (typeof sliderEvents)[number];
