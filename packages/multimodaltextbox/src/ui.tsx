/** Browser entry: the MultimodalTextbox view. The page loads this module and renders its default export. */
export { MultimodalTextboxView as default, MultimodalTextboxView, asValue, fileLabel, isImage, type MultimodalTextboxViewProps, type MultimodalViewValue } from "./view.js";
export { MultimodalTextboxExample as Example } from "./example.js";
