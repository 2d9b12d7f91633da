export { Timer, TimerComponent, type TimerProps } from "./process.js";
export { timerEvents, type TimerEvent } from "./events.js";
