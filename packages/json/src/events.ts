/** The events a JSON component fires, as Gradio declares them: `change` only. */
export const jsonEvents = ["change"] as const;
export type JsonEvent = (typeof jsonEvents)[number];

/** The data its events carry: none. */
export interface JsonEventData {}
