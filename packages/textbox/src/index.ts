export { Textbox, TextboxComponent, type TextboxProps } from "./process.js";
export { textboxEvents, type TextboxEvent, type TextboxEventData } from "./events.js";
