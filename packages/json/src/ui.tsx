/** Browser entry: the JSON view. The page loads this module and renders its default export. */
export { JsonView as default, JsonView, type JsonViewProps } from "./view.js";
export { JsonExample as Example } from "./example.js";
