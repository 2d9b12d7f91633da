/** The events a ColorPicker fires, as Gradio declares them. None carries data. */
export const colorPickerEvents = ["change", "input", "submit", "focus", "blur"] as const;
/** One of the names in `colorPickerEvents`, for typing listeners and event data. */
export type ColorPickerEvent = (typeof colorPickerEvents)[number];

/** The data its events carry: none. */
export interface ColorPickerEventData {}
