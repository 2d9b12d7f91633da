export {
  Radio,
  RadioComponent,
  type RadioChoice,
  type RadioProps,
  type RadioType,
  type RadioValue,
} from "./process.js";
export { radioEvents, type RadioEvent, type RadioEventData } from "./events.js";
