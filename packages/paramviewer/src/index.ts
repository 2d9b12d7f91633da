export { ParamViewer, ParamViewerComponent, type ParamViewerProps } from "./process.js";
export { paramViewerEvents, type ParamViewerEvent } from "./events.js";
export {
  normalizeParameters,
  ParameterShapeError,
  type Parameter as ParamViewerParameter,
  type ParameterInput as ParamViewerParameterInput,
  type ParamViewerInput,
  type ParamViewerValue,
} from "./value.js";
