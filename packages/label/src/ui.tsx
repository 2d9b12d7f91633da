/** Browser entry: the Label view. The page loads this module and renders its default export. */
export { LabelView as default, LabelView, type LabelViewProps } from "./view.js";
export { LabelExample as Example } from "./example.js";
