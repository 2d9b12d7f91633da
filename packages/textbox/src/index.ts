export { Textbox, TextboxComponent, type TextboxProps } from "./process.js";
export { textboxEvents, type TextboxEvent } from "./events.js";
