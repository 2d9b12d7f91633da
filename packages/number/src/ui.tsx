/** Browser entry: the Number view. The page loads this module and renders its default export. */
export { NumberView as default, NumberView, type NumberViewProps } from "./view.js";
export { NumberExample as Example } from "./example.js";
