/** Browser entry: the BrowserState view. The page loads this module and renders its default export. */
export { BrowserStateView as default, BrowserStateView, type BrowserStateViewProps } from "./view.js";
