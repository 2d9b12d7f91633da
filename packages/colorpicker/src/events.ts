/** The events a ColorPicker fires, as Gradio declares them. None carries data. */
export const colorPickerEvents = ["change", "input", "submit", "focus", "blur"] as const;
export type ColorPickerEvent = (typeof colorPickerEvents)[number];

/** The data its events carry: none. */
export interface ColorPickerEventData {}
