/** The events a DateTime fires, as Gradio declares them. None carries data. */
export const dateTimeEvents = ["change", "submit"] as const;
/** One of the names in `dateTimeEvents`, for typing listeners and event data. */
export type DateTimeEvent = (typeof dateTimeEvents)[number];

/** The data its events carry: none. */
export interface DateTimeEventData {}
