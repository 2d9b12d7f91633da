export { JSON, Json, JsonComponent, type JsonProps, type JsonValue, type JsonButton } from "./process.js";
export { jsonEvents, type JsonEvent, type JsonEventData } from "./events.js";
