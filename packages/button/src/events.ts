/** The events a Button fires. */
export const buttonEvents = ["click"] as const;
export type ButtonEvent = (typeof buttonEvents)[number];
