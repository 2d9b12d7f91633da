export { State, StateComponent, type StateProps } from "./process.js";
export { stateEvents, type StateEvent } from "./events.js";
