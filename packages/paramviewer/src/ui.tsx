/** Browser entry: the ParamViewer view. The page loads this module and renders its default export. */
export { ParamViewerView as default, ParamViewerView, type ParamViewerViewProps } from "./view.js";
export { ParamViewerExample as Example } from "./example.js";
