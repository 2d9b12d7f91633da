/** The events a Slider fires; `release` carries the value when the user lets go. */
export const sliderEvents = ["change", "input", "release"] as const;
export type SliderEvent = (typeof sliderEvents)[number];
