/** The events a Timer fires: `tick`, once per period while active. */
export const timerEvents = ["tick"] as const;
export type TimerEvent = (typeof timerEvents)[number];
