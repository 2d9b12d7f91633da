/** The events a BrowserState fires: `change` when its value changes (also when the page restores it from storage). */
export const browserStateEvents = ["change"] as const;
export type BrowserStateEvent = (typeof browserStateEvents)[number];
