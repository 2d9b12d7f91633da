/** Browser entry: the Radio view. The page loads this module and renders its default export. */
export { RadioView as default, RadioView, type RadioViewProps } from "./view.js";
export { RadioExample as Example } from "./example.js";
