export { Label, LabelComponent, type LabelConfidence, type LabelData, type LabelInput, type LabelProps, type LabelValue } from "./process.js";
export { labelEvents, type LabelEvent, type LabelEventData } from "./events.js";
