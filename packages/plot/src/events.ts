/**
 * The events a Plot fires, as Gradio declares them (`Plot.EVENTS = [Events.change]`): `change`,
 * when its value changes, whether a function or the user set it. It carries no data.
 */
export const plotEvents = ["change"] as const;
/** One of the names in `plotEvents`, for typing listeners and event data. */
export type PlotEvent = (typeof plotEvents)[number];

/** The data its events carry: none. */
export interface PlotEventData {}
