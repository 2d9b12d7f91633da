/** The events a Timer fires: `tick`, once per period while active. */
export const timerEvents = ["tick"] as const;
/** One of the names in `timerEvents`, for typing listeners and event data. */
export type TimerEvent = (typeof timerEvents)[number];
