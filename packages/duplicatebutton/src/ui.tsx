/** Browser entry: the DuplicateButton view. The page loads this module and renders its default export. */
export { DuplicateButtonView as default, DuplicateButtonView, type DuplicateButtonViewProps } from "./view.js";
export { DuplicateButtonExample as Example } from "./example.js";
