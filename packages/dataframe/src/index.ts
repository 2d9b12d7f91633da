export {
  Dataframe,
  DataframeComponent,
  DATAFRAME_DATA_SCHEMA,
  type CellInput,
  type DataframeButton,
  type DataframeProps,
  type DataframeRecord,
  type DataframeReturn,
  type DataframeType,
  type DataframeValue,
  type Limits as DataframeLimits,
} from "./process.js";
export { dataframeEvents, type DataframeEvent, type DataframeEventData } from "./events.js";
export { toCsv, type CellValue, type Count as DataframeCount, type DataframeData, type DataframeMetadata, type Datatype } from "./cells.js";
