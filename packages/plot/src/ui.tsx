/** Browser entry: the Plot view. The page loads this module and renders its default export. */
export { PlotView as default, PlotView, type PlotViewProps } from "./view.js";
export { PlotExample as Example } from "./example.js";
