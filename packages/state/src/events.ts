/** The events a State fires: `change` when a function gives it a new value. */
export const stateEvents = ["change"] as const;
/** One of the names in `stateEvents`, for typing listeners and event data. */
export type StateEvent = (typeof stateEvents)[number];
