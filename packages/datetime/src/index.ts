export {
  DateTime,
  DateTimeComponent,
  type DateTimeInput,
  type DateTimeProps,
  type DateTimeType,
  type DateTimeTypes,
} from "./process.js";
export { dateTimeEvents, type DateTimeEvent, type DateTimeEventData } from "./events.js";
export { formatDateTime, parseDateTime, type DateTimeFormatOptions } from "./parse.js";
