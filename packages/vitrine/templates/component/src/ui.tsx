/** Browser entry: the page loads this module and renders its default export. */
export { __CLASS__View as default, __CLASS__View, type __CLASS__ViewProps } from "./view.js";
export { __CLASS__Example as Example } from "./example.js";
