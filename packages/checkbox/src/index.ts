export { Checkbox, CheckboxComponent, type CheckboxProps } from "./process.js";
export { checkboxEvents, type CheckboxEvent } from "./events.js";
