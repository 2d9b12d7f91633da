export { ColorPicker, ColorPickerComponent, type ColorPickerProps } from "./process.js";
export { colorPickerEvents, type ColorPickerEvent, type ColorPickerEventData } from "./events.js";
export { normalizeColor } from "./color.js";
