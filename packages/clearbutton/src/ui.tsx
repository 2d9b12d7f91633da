/** Browser entry: the ClearButton view. The page loads this module and renders its default export. */
export { ClearButtonView as default, ClearButtonView, type ClearButtonViewProps } from "./view.js";
export { ClearButtonExample as Example } from "./example.js";
