export {
  HTML,
  HtmlComponent,
  DEFAULT_HTML_TEMPLATE,
  DEFAULT_JS_ON_LOAD,
  type HtmlProps,
  type HtmlServerFunction,
} from "./process.js";
export { htmlEvents, customEventNames, type HtmlEvent, type HtmlEventData } from "./events.js";
