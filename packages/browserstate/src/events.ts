/** The events a BrowserState fires: `change` when its value changes (also when the page restores it from storage). */
export const browserStateEvents = ["change"] as const;
/** One of the names in `browserStateEvents`, for typing listeners and event data. */
export type BrowserStateEvent = (typeof browserStateEvents)[number];
