export {
  MultimodalTextbox,
  MultimodalTextboxComponent,
  MULTIMODAL_DATA_SCHEMA,
  multimodalSources,
  type MultimodalHTMLAttributes,
  type MultimodalFile,
  type MultimodalPayload,
  type MultimodalReturn,
  type MultimodalSource,
  type MultimodalTextboxProps,
  type MultimodalValue,
} from "./process.js";
export { multimodalTextboxEvents, type MultimodalTextboxEvent, type MultimodalTextboxEventData } from "./events.js";
