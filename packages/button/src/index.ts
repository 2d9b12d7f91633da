export { Button, ButtonComponent, BUTTON_VARIANTS, isSafeUrl, type ButtonProps } from "./process.js";
export { ButtonBase, BUTTON_SIZES, type ButtonBaseProps, type ButtonKind } from "./base.js";
export { buttonEvents, type ButtonEvent } from "./events.js";
