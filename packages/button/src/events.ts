/** The events a Button fires. */
export const buttonEvents = ["click"] as const;
/** One of the names in `buttonEvents`, for typing listeners and event data. */
export type ButtonEvent = (typeof buttonEvents)[number];
