/** Browser entry: the Code view. The page loads this module and renders its default export; CodeMirror loads later, from `components/code/`. */
export { CodeView as default, CodeView, type CodeViewProps } from "./view.js";
export { CodeExample as Example } from "./example.js";
