export { DuplicateButton, DuplicateButtonComponent, type DuplicateButtonProps, type DuplicateButtonVariant } from "./process.js";
export { duplicateButtonEvents, type DuplicateButtonEvent } from "./events.js";
export { currentSpace, duplicateUrl } from "./space.js";
