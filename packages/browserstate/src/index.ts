export { BrowserState, BrowserStateComponent, type BrowserStateProps } from "./process.js";
export { browserStateEvents, type BrowserStateEvent } from "./events.js";
