export { Checkbox, CheckboxComponent, type CheckboxProps } from "./process.js";
export { checkboxEvents, type CheckboxEvent, type CheckboxEventData } from "./events.js";
