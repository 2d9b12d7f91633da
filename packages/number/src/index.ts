export { Number, NumberComponent, type NumberProps } from "./process.js";
export { numberEvents, type NumberEvent } from "./events.js";
