/** Browser entry: the Button view. The page loads this module and renders its default export. */
export { ButtonView as default, ButtonView, type ButtonViewProps } from "./view.js";
export { ButtonExample as Example } from "./example.js";
