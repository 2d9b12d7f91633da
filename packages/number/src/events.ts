/** The events a Number fires. */
export const numberEvents = ["change", "input", "submit", "focus", "blur"] as const;
/** One of the names in `numberEvents`, for typing listeners and event data. */
export type NumberEvent = (typeof numberEvents)[number];
