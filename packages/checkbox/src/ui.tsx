/** Browser entry: the Checkbox view. The page loads this module and renders its default export. */
export { CheckboxView as default, CheckboxView, type CheckboxViewProps } from "./view.js";
export { CheckboxExample as Example } from "./example.js";
