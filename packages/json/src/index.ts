export { JSON, Json, JsonComponent, type JsonProps, type JsonValue } from "./process.js";
export { jsonEvents, type JsonEvent, type JsonEventData } from "./events.js";
