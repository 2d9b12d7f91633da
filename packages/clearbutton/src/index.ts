export { ClearButton, ClearButtonComponent, type ClearButtonProps, type Clearable } from "./process.js";
export { clearButtonEvents, type ClearButtonEvent } from "./events.js";
