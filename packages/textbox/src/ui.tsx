/** Browser entry: the Textbox view. The page loads this module and renders its default export. */
export { TextboxView as default, TextboxView, type TextboxViewProps } from "./view.js";
export { TextboxExample as Example } from "./example.js";
