/** Browser entry: the HTML view. The page loads this module and renders its default export. */
export { HtmlView as default, HtmlView, type HtmlViewProps } from "./view.js";
export { HtmlExample as Example } from "./example.js";
