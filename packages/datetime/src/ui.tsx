/** Browser entry: the DateTime view. The page loads this module and renders its default export. */
export { DateTimeView as default, DateTimeView, type DateTimeViewProps } from "./view.js";
export { DateTimeExample as Example } from "./example.js";
