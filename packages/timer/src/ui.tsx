/** Browser entry: the Timer view. The page loads this module and renders its default export. */
export { TimerView as default, TimerView, type TimerViewProps } from "./view.js";
