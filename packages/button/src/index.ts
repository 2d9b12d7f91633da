export { Button, ButtonComponent, isSafeUrl, type ButtonProps } from "./process.js";
export { buttonEvents, type ButtonEvent } from "./events.js";
