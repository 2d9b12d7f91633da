export { Plot, PlotComponent, PLOT_DATA_SCHEMA, type PlotInput, type PlotProps, type PlotValue } from "./process.js";
export { plotEvents, type PlotEvent, type PlotEventData } from "./events.js";
export { PLOT_TYPES, figureTitle, isPlotData, type PlotData, type PlotType, type PlotlyFigure } from "./figure.js";
