/** Browser entry: the Dataframe view. The page loads this module and renders its default export. */
export { DataframeView as default, DataframeView, type DataframeViewProps } from "./view.js";
export { DataframeExample as Example } from "./example.js";
