/** The events a JSON component fires, as Gradio declares them: `change` only. */
export const jsonEvents = ["change"] as const;
/** One of the names in `jsonEvents`, for typing listeners and event data. */
export type JsonEvent = (typeof jsonEvents)[number];

/** The data its events carry: none. */
export interface JsonEventData {}
