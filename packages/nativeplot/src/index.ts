/** Node entry: LinePlot, BarPlot and ScatterPlot (the server side). The view is at `@vitrine/nativeplot/ui`. */
export {
  BarPlot,
  BarPlotComponent,
  LinePlot,
  LinePlotComponent,
  NativePlotComponent,
  ScatterPlot,
  ScatterPlotComponent,
  type NativePlotProps,
} from "./process.js";
export { nativePlotEvents, type NativePlotEvent, type NativePlotEventData, type NativePlotSelectData } from "./events.js";
export { nativePlotRecords, type NativePlotInputCell, type NativePlotRecord, type NativePlotValue } from "./table.js";
export type {
  NativePlotAggregate,
  NativePlotButton,
  NativePlotCell,
  NativePlotData,
  NativePlotDatatype,
  NativePlotLimits,
  NativePlotMark,
  NativePlotSort,
  NativePlotTooltip,
} from "./types.js";
