export { HTML, HtmlComponent, type HtmlProps } from "./process.js";
export { htmlEvents, type HtmlEvent, type HtmlEventData } from "./events.js";
