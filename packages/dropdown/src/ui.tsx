/** Browser entry: the Dropdown view. The page loads this module and renders its default export. */
export { DropdownView as default, DropdownView, type DropdownViewProps } from "./view.js";
export { DropdownExample as Example } from "./example.js";
