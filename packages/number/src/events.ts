/** The events a Number fires. */
export const numberEvents = ["change", "input", "submit", "focus", "blur"] as const;
export type NumberEvent = (typeof numberEvents)[number];
