/** Browser entry: the native plot view, shared by LinePlot, BarPlot and ScatterPlot. */
export { NativePlotView as default, NativePlotView, type NativePlotViewProps } from "./view.js";
export { NativePlotExample as Example } from "./example.js";
