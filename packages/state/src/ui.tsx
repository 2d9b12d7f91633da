/** Browser entry: the State view. The page loads this module and renders its default export. */
export { StateView as default, StateView } from "./view.js";
