export { __CLASS__, __CLASS__Component, type __CLASS__Props } from "./process.js";
export { __CAMEL__Events, type __CLASS__Event, type __CLASS__EventData } from "./events.js";
