/** Browser entry: the ColorPicker view. The page loads this module and renders its default export. */
export { ColorPickerView as default, ColorPickerView } from "./view.js";
export { ColorPickerExample as Example } from "./example.js";
