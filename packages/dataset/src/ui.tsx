/** Browser entry: the Dataset view. The page loads this module and renders its default export. */
export { DatasetView as default, DatasetView, type DatasetViewProps } from "./view.js";
export { DatasetExample as Example } from "./example.js";
