/** Browser entry: the CheckboxGroup view. The page loads this module and renders its default export. */
export { CheckboxGroupView as default, CheckboxGroupView, type CheckboxGroupViewProps } from "./view.js";
export { CheckboxGroupExample as Example } from "./example.js";
