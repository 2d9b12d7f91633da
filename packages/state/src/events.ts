/** The events a State fires: `change` when a function gives it a new value. */
export const stateEvents = ["change"] as const;
export type StateEvent = (typeof stateEvents)[number];
